using Azure.Storage.Blobs.Models;
using NCovNet.Pipeline.Processing;
using NCovNet.Pipeline.Storage;

namespace NCovNet.Server;

/// <summary>
/// Safety net under the WebJobs blob trigger, not a replacement for it. Without storage analytics
/// logs (Azurite, or accounts without logging) the trigger finds new blobs by comparing
/// Last-Modified times at one-second resolution, and a burst of uploads can leave a few blobs
/// behind the scan position for good (measured: 28 of 200 missed). Every <see cref="Interval"/>
/// this lists the input container and the names/ pointers and hands any blob older than one
/// interval that has no pointer to the same idempotent processor.
/// </summary>
public sealed partial class MissedBlobSweeper(PipelineStorage storage, ScanProcessor processor, TimeProvider time, ILogger<MissedBlobSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Azure.RequestFailedException e)
            {
                LogSweepFailed(e.Status, e.ErrorCode);
            }
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var pointed = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var pointer in storage.Results.GetBlobsAsync(new GetBlobsOptions { Prefix = "names/" }, cancellationToken))
        {
            pointed.Add(pointer.Name["names/".Length..]);
        }

        var settled = time.GetUtcNow() - Interval;
        await foreach (var blob in storage.Input.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            if (!pointed.Contains(blob.Name) && blob.Properties.LastModified < settled)
            {
                var outcome = await processor.ProcessAsync(blob.Name, CancellationToken.None);
                LogRecovered(outcome.ScanId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scored scan {ScanId} from a blob the blob trigger had not picked up")]
    private partial void LogRecovered(string? scanId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep of the input container failed ({Status} {Code}); next try in one interval")]
    private partial void LogSweepFailed(int status, string? code);
}
