using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using TorchSharp;

namespace NCovNet.Training.Models.Tests;

/// <summary>Runs an exported ONNX file with ONNX Runtime on a TorchSharp input and returns the outputs as tensors.</summary>
internal static class OnnxRun
{
    public static Dictionary<string, torch.Tensor> Outputs(string onnxPath, torch.Tensor image)
    {
        using var session = new InferenceSession(onnxPath);
        var input = new DenseTensor<float>(image.contiguous().data<float>().ToArray(), [.. image.shape.Select(d => (int)d)]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("image", input)]);
        return results.ToDictionary(
            r => r.Name,
            r =>
            {
                var tensor = r.AsTensor<float>();
                return torch.tensor(tensor.ToArray(), [.. tensor.Dimensions.ToArray().Select(d => (long)d)]);
            });
    }

    /// <summary>Asserts the largest absolute difference is below <paramref name="tolerance"/> and returns it (tests log it).</summary>
    public static float AssertClose(torch.Tensor expected, torch.Tensor actual, float tolerance, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        var difference = (expected - actual).abs().max().item<float>();
        var scale = expected.abs().max().item<float>();
        Assert.True(difference < tolerance, $"{what}: max abs difference {difference} (largest magnitude {scale}) exceeds {tolerance}");
        return difference;
    }
}
