using NCovNet.Training.Models.Onnx;
using TorchSharp;
using Xunit.Abstractions;

namespace NCovNet.Training.Models.Tests;

public class OnnxParityTests(ITestOutputHelper output)
{
    private const float LogitTolerance = 1e-4f;

    [Theory]
    [InlineData("resnet18", 64, 2)]
    [InlineData("resnet50", 64, 2)]
    [InlineData("densenet121", 64, 2)]
    [InlineData("densenet161", 224, 1)]
    [InlineData("vgg16", 64, 2)]
    public void Onnx_runtime_logits_features_and_cam_match_torchsharp(string architecture, int size, int batch)
    {
        using var model = TestModels.Create(architecture);
        using var temp = new TempDirectory();
        var path = temp.File("model.onnx");
        OnnxExporter.Export(model, size, size, path, float16Weights: false);
        torch.manual_seed(1);
        using var image = torch.randn(batch, 3, size, size);

        var onnx = OnnxRun.Outputs(path, image);
        using var noGrad = torch.no_grad();
        var (logits, features) = model.ForwardWithFeatures(image);

        var logitDifference = OnnxRun.AssertClose(logits, onnx["logits"], LogitTolerance, "logits");
        output.WriteLine($"{architecture} {size}x{size}: max abs logit difference {logitDifference:E2}");
        // Fresh deep networks reach feature magnitudes near 100; float32 rounding then scales with them.
        var relative = 1e-5f * Math.Max(1f, features.abs().max().item<float>());
        OnnxRun.AssertClose(features, onnx["features"], relative, "features");
        var cam = torch.einsum("ck,nkhw->nchw", model.Head.weight!, features) / (features.shape[2] * features.shape[3]);
        OnnxRun.AssertClose(cam, onnx["cam"], LogitTolerance, "cam");
    }
}
