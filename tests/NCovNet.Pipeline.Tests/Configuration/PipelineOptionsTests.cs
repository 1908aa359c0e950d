using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NCovNet.Core.Inference;

namespace NCovNet.Pipeline.Tests.Configuration;

/// <summary>App settings (Pipeline__X, as in Azure app settings or the environment) reach the options the hosts build the engine from.</summary>
public sealed class PipelineOptionsTests
{
    [Fact]
    public void Inference_settings_including_cuda_provider_options_bind_from_app_settings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pipeline:MaxImageBytes"] = "1048576",
            ["Pipeline:Inference:Provider"] = "Cuda",
            ["Pipeline:Inference:MaxBatchSize"] = "16",
            ["Pipeline:Inference:CudaProviderOptions:prefer_nhwc"] = "1",
            ["Pipeline:Inference:CudaProviderOptions:use_tf32"] = "0",
        }).Build();
        using var services = new ServiceCollection().AddScanPipeline(configuration).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<PipelineOptions>>().Value;

        Assert.Equal(1048576, options.MaxImageBytes);
        Assert.Equal(ExecutionProvider.Cuda, options.Inference.Provider);
        Assert.Equal(16, options.Inference.MaxBatchSize);
        Assert.Equal(new Dictionary<string, string> { ["prefer_nhwc"] = "1", ["use_tf32"] = "0" }, options.Inference.CudaProviderOptions);
    }

    [Fact]
    public void Without_settings_the_engine_defaults_apply()
    {
        using var services = new ServiceCollection().AddScanPipeline(new ConfigurationBuilder().Build()).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<PipelineOptions>>().Value;

        Assert.Equal(new InferenceOptions().MaxBatchSize, options.Inference.MaxBatchSize);
        Assert.Equal(ExecutionProvider.Auto, options.Inference.Provider);
        Assert.Empty(options.Inference.CudaProviderOptions);
    }
}
