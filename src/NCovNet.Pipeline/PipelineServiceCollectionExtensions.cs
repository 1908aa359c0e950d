using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NCovNet.Pipeline.Http;
using NCovNet.Pipeline.Processing;
using NCovNet.Pipeline.Storage;

namespace NCovNet.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Registers storage (connection <c>AzureWebJobsStorage</c>), processing and the HTTP handlers.
    /// The host registers the <see cref="Core.Scanning.IRadiographScanner"/>.
    /// </summary>
    public static IServiceCollection AddScanPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PipelineOptions>, PipelineOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ =>
        {
            var (blobs, queues) = StorageConnection.Create(configuration);
            return new PipelineStorage(blobs, queues);
        });
        services.AddSingleton<ScanStore>();
        services.AddSingleton<ScanClaims>();
        services.AddSingleton<DeadLetters>();
        services.AddSingleton<ScanProcessor>();
        services.AddSingleton<SubmitScanHandler>();
        services.AddSingleton<GetScanHandler>();
        services.AddSingleton<GetHeatmapHandler>();
        services.AddSingleton<ModelCardHandler>();
        services.AddSingleton<HealthHandler>();
        services.AddHostedService<PipelineStartup>();
        return services;
    }
}
