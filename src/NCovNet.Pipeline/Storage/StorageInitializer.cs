using Microsoft.Extensions.Hosting;

namespace NCovNet.Pipeline.Storage;

/// <summary>Creates the containers and queue at start-up so triggers and uploads find them.</summary>
public sealed class StorageInitializer(PipelineStorage storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => storage.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
