using BenchmarkDotNet.Attributes;
using NCovNet.Core.Imaging;
using NCovNet.Core.Preprocessing;

namespace NCovNet.Benchmarks;

/// <summary>
/// Decode + preprocess of a synthetic 2000x2000 16-bit gray PNG (a smooth body-like gradient
/// with noise, so it compresses like a radiograph rather than like a flat image).
/// </summary>
[MemoryDiagnoser]
public class PngDecodeAndPreprocessBenchmarks
{
    private const int Size = 2000;

    private byte[] _png = [];
    private GrayImage _decoded = null!;
    private float[] _tensor = [];

    [Params(224, 448)]
    public int InputSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _png = SyntheticRadiograph.EncodePng16(Size, Size);
        _decoded = RadiographDecoder.Decode(_png).Image;
        _tensor = new float[PreprocessingSpec.ImageNet(InputSize).TensorLength];
    }

    [Benchmark(Baseline = true)]
    public GrayImage Decode() => RadiographDecoder.Decode(_png).Image;

    [Benchmark]
    public float[] PreprocessJet()
    {
        Preprocessor.WriteTensor(_decoded, PreprocessingSpec.ImageNet(InputSize, "jet"), _tensor);
        return _tensor;
    }

    [Benchmark]
    public float[] DecodeAndPreprocessJet()
    {
        var image = RadiographDecoder.Decode(_png).Image;
        Preprocessor.WriteTensor(image, PreprocessingSpec.ImageNet(InputSize, "jet"), _tensor);
        return _tensor;
    }
}
