using Microsoft.Extensions.Options;
using NCovNet.Pipeline.Processing;
using NCovNet.Pipeline.Storage;

namespace NCovNet.Server;

/// <summary>
/// Finishes, at start-up, the scans a killed server left half-done. The blob trigger marks a
/// blob's receipt complete when it queues the blob, not when the function succeeds, and takes
/// each queue message for 10 minutes (fixed in WebJobs.Extensions.Storage 5.3.10): after a kill,
/// the blobs its workers held would come back only when their messages reappear. This hands them
/// to the idempotent processor instead, in two passes:
/// <list type="number">
/// <item>at once, the names pointed at a scan before this start whose scan has no result (a
/// worker had read the blob); the processor waits for the dead worker's claim to lapse
/// (<c>Pipeline:ClaimDuration</c>) and takes over;</item>
/// <item>after <see cref="QueueGrace"/>, the blobs queued before this start (receipt written
/// earlier) that still have no pointer: a worker had taken them but not yet read them, or they
/// still wait in the queue behind a backlog, where the trigger's later delivery finds the result.</item>
/// </list>
/// A scan still running on another server that shares the storage ends as already scored.
/// </summary>
public sealed partial class UnfinishedScanRecovery(
    PipelineStorage storage,
    ScanStore store,
    BlobTriggerReceipts receipts,
    ScanProcessor processor,
    IOptions<ServerOptions> options,
    TimeProvider time,
    ILogger<UnfinishedScanRecovery> logger) : BackgroundService
{
    /// <summary>Long enough for this server's trigger to take up what the last one queued and left visible.</summary>
    public static readonly TimeSpan QueueGrace = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var startedAt = time.GetUtcNow();
        try
        {
            await FinishAsync(await store.UnfinishedNamesAsync(startedAt, stoppingToken), recheck: false, stoppingToken);
            await Task.Delay(QueueGrace, time, stoppingToken);
            await FinishAsync(await QueuedUnreadAsync(startedAt, stoppingToken), recheck: true, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: whatever is left is found again at the next start.
        }
        catch (Exception e)
        {
            LogFailed(e.GetType().Name);
        }
    }

    /// <summary>Input blobs whose current version the trigger queued before <paramref name="startedAt"/> and no worker has read.</summary>
    private async Task<IReadOnlyList<string>> QueuedUnreadAsync(DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var queued = await receipts.ListAsync(cancellationToken);
        var pointed = await store.PointedNamesAsync(cancellationToken);
        var unread = new List<string>();
        await foreach (var blob in storage.Input.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            if (!pointed.Contains(blob.Name)
                && queued.TryGetValue(BlobTriggerReceipts.VersionKey(blob.Properties.ETag?.ToString(), blob.Name), out var receiptWritten)
                && receiptWritten < startedAt)
            {
                unread.Add(blob.Name);
            }
        }

        return unread;
    }

    private async Task FinishAsync(IReadOnlyList<string> names, bool recheck, CancellationToken stoppingToken)
    {
        if (names.Count == 0)
        {
            return;
        }

        LogFound(names.Count);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxDegreeOfParallelism, CancellationToken = stoppingToken };
        await Parallel.ForEachAsync(names, parallel, async (name, cancellationToken) =>
        {
            try
            {
                // The trigger may have read it meanwhile; then it is the trigger's.
                if (recheck && await store.ResolveNameAsync(name, cancellationToken) is not null)
                {
                    return;
                }

                var outcome = await processor.ProcessAsync(name, cancellationToken);
                LogFinished(outcome.ScanId, outcome.Status);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Left to the trigger's own redelivery. The type only: messages can quote blob names.
                LogFailed(e.GetType().Name);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} inputs begun or queued before this start have no result; finishing them")]
    private partial void LogFound(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unfinished scan {ScanId}: {Status}")]
    private partial void LogFinished(string? scanId, ProcessingStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Finishing unfinished scans failed ({Error}); the blob trigger redelivers them later")]
    private partial void LogFailed(string error);
}
