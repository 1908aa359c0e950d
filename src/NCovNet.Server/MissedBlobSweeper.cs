using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Options;
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
/// <para>
/// The trigger writes a blob receipt (<c>azure-webjobs-hosts/blobreceipts/{host}/{function}/{etag}/{container}/{name}</c>)
/// as soon as its scan sees a blob, long before the blob's turn in its queue; during a burst the
/// scan writes receipts one blob after another for many seconds. Every <see cref="Interval"/>,
/// once no receipt has been written for <see cref="QuietTime"/> (the scan has caught up), this
/// hands to the same idempotent processor only the input blobs older than
/// <see cref="SettleTime"/> that have neither a receipt for their current version nor a names/
/// pointer: the ones the scan skipped. Everything else stays the trigger's.
/// </para>
/// </summary>
public sealed partial class MissedBlobSweeper(
    PipelineStorage storage, ScanStore store, BlobTriggerReceipts receipts, ScanProcessor processor, IOptions<ServerOptions> options, TimeProvider time, ILogger<MissedBlobSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    /// <summary>Two of the emulator scan's 2 s intervals without a new receipt: the scan has seen everything it is going to see.</summary>
    public static readonly TimeSpan QuietTime = TimeSpan.FromSeconds(4);

    /// <summary>Long enough for a host that has just started to have run its first scan.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(10);

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
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Storage refusing (RequestFailedException), retries exhausted (AggregateException),
                // a dropped connection (IOException) or a timeout: this sweep is lost, the next one
                // comes in an interval. The type and status only: messages can quote blob names.
                LogSweepFailed(e.GetType().Name, (e as Azure.RequestFailedException)?.Status, (e as Azure.RequestFailedException)?.ErrorCode);
            }
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var received = await receipts.ListAsync(cancellationToken);
        var lastReceipt = received.Count == 0 ? DateTimeOffset.MinValue : received.Values.Max();
        var now = time.GetUtcNow();
        if (now - lastReceipt < QuietTime)
        {
            return;
        }

        var pointed = (await store.PointersAsync(cancellationToken)).Select(pointer => pointer.Name).ToHashSet(StringComparer.Ordinal);
        var settled = now - SettleTime;
        var skipped = storage.Input.GetBlobsAsync(cancellationToken: cancellationToken).Where(blob =>
            blob.Properties.LastModified < settled
            && !pointed.Contains(blob.Name)
            && !received.ContainsKey(BlobTriggerReceipts.VersionKey(blob.Properties.ETag?.ToString(), blob.Name)));

        // As many at once as the trigger's workers: a burst's skipped blobs are often its last ones.
        await Parallel.ForEachAsync(skipped, new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxDegreeOfParallelism }, async (blob, _) =>
        {
            var outcome = await processor.ProcessAsync(blob.Name, CancellationToken.None);
            LogRecovered(outcome.ScanId);
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scored scan {ScanId} from a blob the emulator's blob-trigger scan had skipped")]
    private partial void LogRecovered(string? scanId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep of the input container failed ({Error} {Status} {Code}); next try in one interval")]
    private partial void LogSweepFailed(string error, int? status, string? code);
}
