using NCovNet.Core.Imaging;
using NCovNet.Core.Preprocessing;
using NCovNet.Tests;

namespace NCovNet.Core.Tests.Preprocessing;

/// <summary>
/// The tensors of real radiographs against numbers from Reference/preprocess_reference.py, a
/// separate pure-Python implementation (its own PNG decoder, resize, JET table emulation and
/// normalisation, in double precision). Tolerance 1e-4: float32 rounding only.
/// </summary>
public sealed class PreprocessorGoldenTests
{
    private const float Tolerance = 1e-4f;

    /// <summary>(plane, y, x) positions sampled by the reference script.</summary>
    private static readonly (int Plane, int Y, int X)[] Samples = [(0, 0, 0), (0, 100, 37), (1, 57, 190), (2, 111, 111), (1, 223, 223)];

    public static TheoryData<string, int, string, string, float[], float[]> Cases => new()
    {
        { "cxr-nih/images/nih__00002980_000.png", 224, "jet", "RGB", [-0.44338f, 0.43746f, 0.58209f], [2.01161f, 2.24891f, 2.42857f, 0.34290f, -2.03571f] },
        { "cxr-nih/images/nih__00000415_001.png", 224, "jet", "RGB", [0.60167f, 0.75537f, -0.27666f], [-2.11790f, -1.80931f, 0.40133f, -1.80444f, -2.03571f] },
        { "cxr/images/10.1016-slash-j.healun.2020.04.004.jpg", 224, "jet", "RGB", [-0.30984f, 0.78572f, 0.60674f], [-2.11790f, 2.24891f, 2.42857f, -1.80444f, -2.03571f] },
        { "cxr-nih/images/nih__00002980_000.png", 448, "gray", "BGR", [-0.00015f, -0.22336f, -0.34512f], [2.59518f, -0.19518f, -0.11289f, 0.13959f, 0.34033f] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tensor_matches_the_reference_implementation(string file, int size, string colorMap, string channelOrder, float[] means, float[] samples)
    {
        var spec = PreprocessingSpec.ImageNet(size, colorMap) with { ChannelOrder = channelOrder };
        if (channelOrder == "BGR")
        {
            spec = spec with { Mean = [.. spec.Mean.Reverse()], Std = [.. spec.Std.Reverse()] };
        }

        var image = RadiographDecoder.Decode(File.ReadAllBytes(Path.Combine(SharedData.SharedDir, "data", file))).Image;
        var tensor = new float[spec.TensorLength];

        Preprocessor.WriteTensor(image, spec, tensor);

        var plane = size * size;
        for (var c = 0; c < 3; c++)
        {
            Assert.Equal(means[c], tensor.AsSpan(c * plane, plane).ToArray().Average(), Tolerance);
        }

        for (var i = 0; i < Samples.Length; i++)
        {
            var (p, y, x) = Samples[i];
            Assert.Equal(samples[i], tensor[(p * plane) + (y * size) + x], Tolerance);
        }
    }
}
