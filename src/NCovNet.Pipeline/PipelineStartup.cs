using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NCovNet.Core.Scanning;
using NCovNet.Pipeline.Storage;

namespace NCovNet.Pipeline;

/// <summary>
/// Fails fast at start-up: loads the model (a corrupt package stops the host, not the first
/// scan) and creates the containers and queue so triggers and uploads find them.
/// </summary>
public sealed partial class PipelineStartup(IRadiographScanner scanner, PipelineStorage storage, ILogger<PipelineStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        LogReady(scanner.Model.Name, scanner.Model.Version, storage.Input.Uri);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving model {Model} {Version}; watching {Input}")]
    private partial void LogReady(string model, string version, Uri input);
}
