using NCovNet.Training.Models.Onnx;
using TorchSharp;

namespace NCovNet.Training.Models.Tests;

public class OnnxParityTests
{
    private const float LogitTolerance = 1e-4f;

    [Theory]
    [InlineData("resnet18", 64)]
    public void Onnx_runtime_logits_features_and_cam_match_torchsharp(string architecture, int size)
    {
        using var model = TestModels.Create(architecture);
        var path = TestModels.TempPath("model.onnx");
        OnnxExporter.Export(model, size, size, path, float16Weights: false);
        torch.manual_seed(1);
        using var image = torch.randn(2, 3, size, size);

        var onnx = OnnxRun.Outputs(path, image);
        using var noGrad = torch.no_grad();
        var (logits, features) = model.ForwardWithFeatures(image);

        Assert.True(OnnxRun.MaxAbsDifference(logits, onnx["logits"]) < LogitTolerance);
        Assert.True(OnnxRun.MaxAbsDifference(features, onnx["features"]) < LogitTolerance);
        var cam = torch.einsum("ck,nkhw->nchw", model.Head.weight!, features) / (features.shape[2] * features.shape[3]);
        Assert.True(OnnxRun.MaxAbsDifference(cam, onnx["cam"]) < 1e-5f);
    }
}
