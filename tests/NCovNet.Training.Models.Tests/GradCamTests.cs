using NCovNet.Training.Models.Cntk;
using NCovNet.Training.Models.Onnx;
using TorchSharp;
using Xunit.Abstractions;

namespace NCovNet.Training.Models.Tests;

public class GradCamTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Heatmap_from_onnx_cam_output_equals_autograd_grad_cam_on_real_radiographs(int classIndex)
    {
        torch.manual_seed(5);
        using var model = ModelZoo.Create(CntkResNet18Importer.Architecture);
        model.eval();
        var spec = CntkResNet18Importer.Preprocessing;
        using var temp = new TempDirectory();
        var path = temp.File("model.onnx");
        OnnxExporter.Export(model, spec.Height, spec.Width, path, float16Weights: false);
        using var images = TestImages.Batch(spec, TestImages.Covid, TestImages.CovidOther);

        using var reference = GradCam.Compute(model, images, classIndex);
        var cam = OnnxRun.Outputs(path, images)["cam"].select(1, classIndex).relu();
        var fromOnnx = cam / cam.amax([1L, 2L], keepdim: true).clamp_min(1e-12);

        Assert.Equal([2L, 7L, 7L], reference.shape);
        Assert.Equal(1f, reference.amax([1L, 2L]).min().item<float>(), 5);
        var difference = OnnxRun.AssertClose(reference, fromOnnx, 1e-4f, "normalised Grad-CAM");
        output.WriteLine($"class {classIndex}: max abs heatmap difference {difference:E2}");
    }

    [Fact]
    public void Grad_cam_works_with_a_frozen_backbone_and_restores_training_mode()
    {
        using var model = TestModels.Create("resnet18");
        model.FreezeBackbone();
        model.train();
        using var image = torch.randn(1, 3, 64, 64);

        using var map = GradCam.Compute(model, image, classIndex: 1);

        Assert.True(model.training);
        Assert.Equal([1L, 2L, 2L], map.shape);
        Assert.InRange(map.max().item<float>(), 0f, 1f);
    }
}
