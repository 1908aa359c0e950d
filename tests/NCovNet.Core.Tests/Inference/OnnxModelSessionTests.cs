using Microsoft.Extensions.Logging;
using NCovNet.Core.Imaging;
using NCovNet.Core.Inference;
using NCovNet.Core.Models;
using NCovNet.Core.Preprocessing;
using NCovNet.Core.Tests.Fixtures;
using Onnx;

namespace NCovNet.Core.Tests.Inference;

public sealed class OnnxModelSessionTests : IDisposable
{
    private readonly TestPackage _package = new();

    public void Dispose() => _package.Dispose();

    [Fact]
    public void Outputs_match_an_independent_computation_of_the_network_and_of_grad_cam()
    {
        using var session = OnnxModelSession.Create(ModelPackage.Load(_package.Directory), new InferenceOptions { Provider = ExecutionProvider.Cpu });
        var image = RadiographDecoder.Decode(File.ReadAllBytes(EngineImages.GrayJpeg)).Image;
        var batch = session.Rent(1);
        Preprocessor.WriteTensor(image, _package.Manifest.Preprocessing, batch.Image(0));

        session.Run(batch);

        var expected = TestModelReference.Forward(_package.Model, batch.Image(0));
        var outputs = batch.CopyOutputs(0, inferenceMs: 0);
        Assert.Equal(new ModelGeometry(3, 32, 32, 2, 8, 8), session.Geometry);
        AssertClose(expected.Logits, outputs.Logits, 1e-4);
        var plane = expected.FeatureSize * expected.FeatureSize;
        for (var c = 0; c < 2; c++)
        {
            AssertClose(expected.Cam.AsSpan(c * plane, plane).ToArray(), outputs.Cam(c), 1e-5);
        }

        Assert.Contains(expected.Cam, v => v > 0.01);
        Assert.Contains(expected.Cam, v => v < -0.01);
        session.Return(batch);
    }

    [Fact]
    public void Cuda_requested_on_a_host_without_it_falls_back_to_cpu_and_says_why()
    {
        var logger = new ListLogger<OnnxModelSessionTests>();

        using var session = OnnxModelSession.Create(
            ModelPackage.Load(_package.Directory),
            new InferenceOptions { Provider = ExecutionProvider.Cuda, IntraOpThreads = 1 },
            logger);

        Assert.Equal(ExecutionProvider.Cpu, session.Provider.Provider);
        Assert.StartsWith("CUDA is not available", session.Provider.Reason);
        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("CUDA was requested", warning.Message);
        Assert.Contains("CPU provider", warning.Message);
    }

    [Fact]
    public void Auto_on_a_cpu_host_logs_the_cpu_provider_and_the_thread_count()
    {
        var logger = new ListLogger<OnnxModelSessionTests>();

        using var session = OnnxModelSession.Create(ModelPackage.Load(_package.Directory), new InferenceOptions { IntraOpThreads = 2 }, logger);

        Assert.Equal("CPU", session.Provider.Name);
        var info = Assert.Single(logger.Entries, e => e.Level == LogLevel.Information);
        Assert.Contains("CPU provider", info.Message);
        Assert.Contains("intra-op threads 2", info.Message);
    }

    [Fact]
    public void A_package_whose_onnx_bytes_are_not_a_model_is_refused()
    {
        File.WriteAllBytes(_package.OnnxPath, [0x08, 0x07, 0xff, 0xff, 0x01]);
        ModelPackage.WriteManifest(_package.Directory, _package.Manifest);

        var e = Assert.Throws<ModelPackageException>(() =>
            OnnxModelSession.Create(ModelPackage.Load(_package.Directory), new InferenceOptions { Provider = ExecutionProvider.Cpu }));
        Assert.Contains("cannot be loaded by ONNX Runtime", e.Message);
    }

    [Fact]
    public void A_graph_without_the_cam_output_is_refused_with_the_names_it_has()
    {
        var onnx = _package.Model.ToOnnx();
        onnx.Graph.Output.RemoveAt(2);
        onnx.Graph.Node.RemoveAt(onnx.Graph.Node.Count - 1);
        File.WriteAllBytes(_package.OnnxPath, Google.Protobuf.MessageExtensions.ToByteArray(onnx));
        ModelPackage.WriteManifest(_package.Directory, _package.Manifest);

        var e = Assert.Throws<ModelPackageException>(() =>
            OnnxModelSession.Create(ModelPackage.Load(_package.Directory), new InferenceOptions { Provider = ExecutionProvider.Cpu }));
        Assert.Contains("no float32 output named 'cam'", e.Message);
        Assert.Contains("logits, features", e.Message);
    }

    [Fact]
    public void A_cam_size_left_symbolic_in_the_graph_is_read_from_a_run()
    {
        var onnx = _package.Model.ToOnnx();
        var camDims = onnx.Graph.Output[2].Type.TensorType.Shape.Dim;
        camDims[2] = new TensorShapeProto.Types.Dimension { DimParam = "h" };
        camDims[3] = new TensorShapeProto.Types.Dimension { DimParam = "w" };
        File.WriteAllBytes(_package.OnnxPath, Google.Protobuf.MessageExtensions.ToByteArray(onnx));
        ModelPackage.WriteManifest(_package.Directory, _package.Manifest);

        using var session = OnnxModelSession.Create(ModelPackage.Load(_package.Directory), new InferenceOptions { Provider = ExecutionProvider.Cpu });

        Assert.Equal((8, 8), (session.Geometry.CamHeight, session.Geometry.CamWidth));
    }

    [Fact]
    public void An_input_size_other_than_the_manifest_preprocessing_is_refused()
    {
        ModelPackage.WriteManifest(_package.Directory, _package.Manifest with { Preprocessing = PreprocessingSpec.ImageNet(64) });

        var e = Assert.Throws<ModelPackageException>(() =>
            OnnxModelSession.Create(ModelPackage.Load(_package.Directory), new InferenceOptions { Provider = ExecutionProvider.Cpu }));
        Assert.Contains("[N, 3, 64, 64]", e.Message);
    }

    private static void AssertClose(double[] expected, ReadOnlySpan<float> actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"[{i}] expected {expected[i]}, got {actual[i]}");
        }
    }
}
