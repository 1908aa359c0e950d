using Azure.Storage.Blobs.Models;
using NCovNet.Pipeline.Processing;
using NCovNet.Pipeline.Storage;

namespace NCovNet.Server;

/// <summary>
/// Compensates one defect of the WebJobs blob trigger on the storage emulator, and runs only
/// there (<see cref="EmulatorStorage"/>). On real accounts the SDK scans with its hybrid strategy
/// (storage logs plus container scans that keep blobs at or after their watermark). On an
/// emulator account it uses its older ScanContainersStrategy, which keeps only blobs strictly
/// newer than the newest Last-Modified of its previous scan. Last-Modified has one-second
/// resolution, so a blob written in the same second as that newest blob, but after the scan, is
/// never triggered (WebJobs.Extensions.Storage.Blobs 5.3.10; measured: 20 of a 200-blob burst).
/// Every <see cref="Interval"/> this lists the input container and the names/ pointers and hands
/// any blob that has waited longer than <see cref="SettleTime"/> without a pointer to the same
/// idempotent processor. A blob still queued inside the trigger may be scored here first; the
/// trigger then finds its result and stops.
/// </summary>
public sealed partial class MissedBlobSweeper(PipelineStorage storage, ScanProcessor processor, TimeProvider time, ILogger<MissedBlobSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>Several of the trigger's 2 s scans plus its 2 s queue poll: long enough that a blob the trigger saw normally has its pointer.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!EmulatorStorage.Hosts(storage.Input))
        {
            return;
        }

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
        await foreach (var pointer in storage.Results.GetBlobsAsync(new GetBlobsOptions { Prefix = StorageLayout.NamesPrefix }, cancellationToken))
        {
            pointed.Add(pointer.Name[StorageLayout.NamesPrefix.Length..]);
        }

        var settled = time.GetUtcNow() - SettleTime;
        await foreach (var blob in storage.Input.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            if (!pointed.Contains(blob.Name) && blob.Properties.LastModified < settled)
            {
                var outcome = await processor.ProcessAsync(blob.Name, CancellationToken.None);
                LogRecovered(outcome.ScanId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scored scan {ScanId} from a blob the emulator's blob-trigger scan had not delivered")]
    private partial void LogRecovered(string? scanId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep of the input container failed ({Status} {Code}); next try in one interval")]
    private partial void LogSweepFailed(int status, string? code);
}
