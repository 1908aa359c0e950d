using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NCovNet.Core.Imaging;
using NCovNet.Core.Scanning;

namespace NCovNet.Pipeline;

public static class ModelScannerRegistration
{
    /// <summary>
    /// Serves the model package at <see cref="PipelineOptions.ModelPath"/> (relative to the app's
    /// base directory, where the hosts bundle models/default). Loaded and hash-verified once.
    /// </summary>
    public static IServiceCollection AddModelScanner(this IServiceCollection services)
    {
        services.AddSingleton<IRadiographScanner>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<PipelineOptions>>().Value;
            var directory = Path.IsPathRooted(options.ModelPath) ? options.ModelPath : Path.Combine(AppContext.BaseDirectory, options.ModelPath);
            var engine = new EngineOptions
            {
                ModelDirectory = directory,
                DecodeLimits = DecodeLimits.Default with { MaxBytes = options.MaxImageBytes },
                Inference = options.Inference,
                HeatmapOpacity = options.HeatmapOpacity,
            };
            return RadiographScanner.Load(engine, provider.GetService<ILogger<RadiographScanner>>());
        });
        return services;
    }
}
