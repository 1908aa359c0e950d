using NCovNet.Core.Imaging;
using NCovNet.Core.Preprocessing;
using NCovNet.Tests;
using TorchSharp;

namespace NCovNet.Training.Models.Tests;

/// <summary>Real radiographs from ../shared/data/cxr, preprocessed by the core library as serving does.</summary>
internal static class TestImages
{
    public const string Covid = "images/1.CXRCTThoraximagesofCOVID-19fromSingapore.pdf-001-fig2a.png";

    public const string CovidOther = "images/1.CXRCTThoraximagesofCOVID-19fromSingapore.pdf-001-fig2b.png";

    public static float[] Pixels(string relative, PreprocessingSpec spec)
    {
        var pixels = new float[spec.TensorLength];
        var decoded = RadiographDecoder.Decode(File.ReadAllBytes(SharedData.CxrImage(relative)));
        Preprocessor.WriteTensor(decoded.Image, spec, pixels);
        return pixels;
    }

    /// <summary>A batch [N, 3, H, W] of the given images.</summary>
    public static torch.Tensor Batch(PreprocessingSpec spec, params string[] relative) =>
        torch.tensor(relative.SelectMany(r => Pixels(r, spec)).ToArray(), [relative.Length, 3, spec.Height, spec.Width]);
}
