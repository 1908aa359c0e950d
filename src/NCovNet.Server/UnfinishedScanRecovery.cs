using Microsoft.Extensions.Options;
using NCovNet.Pipeline.Processing;
using NCovNet.Pipeline.Storage;

namespace NCovNet.Server;

/// <summary>
/// Finishes, at start-up, the scans a killed server left half-done, and the blobs a stopped one
/// had taken from its queue without starting them. The blob trigger marks a
/// blob's receipt complete when it queues the blob, not when the function succeeds, and takes
/// each queue message for 10 minutes (fixed in WebJobs.Extensions.Storage 5.3.10): after a kill,
/// the blobs its workers held would come back only when their messages reappear. This hands them
/// to the idempotent processor instead, in two passes over the last <see cref="Lookback"/>:
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

    /// <summary>Older work has long been redelivered by the trigger itself.</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(1);

    // The end of the second in which the host built its services (before its blob trigger
    // started): storage's Last-Modified has one-second resolution, so what the last server wrote
    // just before this start is stamped with that second. Work this server's trigger stamps in
    // the same second is taken too, harmlessly: the processor is idempotent and the trigger
    // finds the result.
    private readonly DateTimeOffset _startedBefore = EndOfSecond(time.GetUtcNow());

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var since = _startedBefore - Lookback;
        try
        {
            var pointed = (await store.PointersAsync(stoppingToken))
                .Where(pointer => pointer.ScanId is not null && pointer.Written >= since && pointer.Written < _startedBefore)
                .Select(pointer => new Unfinished(pointer.Name, pointer.ScanId))
                .ToList();
            await FinishAsync(pointed, stoppingToken);
            await Task.Delay(QueueGrace, time, stoppingToken);
            await FinishAsync(await QueuedUnreadAsync(since, stoppingToken), stoppingToken);
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

    /// <summary>
    /// Still to do: a pointed scan without a result, or a queued blob still without a pointer
    /// (the trigger may have read it meanwhile; then it is the trigger's).
    /// </summary>
    private async Task<bool> StillUnfinishedAsync(Unfinished work, CancellationToken cancellationToken) =>
        work.ScanId is { } scanId
            ? !await store.HasRecordAsync(scanId, cancellationToken)
            : await store.ResolveNameAsync(work.Name, cancellationToken) is null;

    /// <summary>Input blobs written since <paramref name="since"/> whose current version the trigger queued before this start and no worker has read.</summary>
    private async Task<IReadOnlyList<Unfinished>> QueuedUnreadAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var queued = await receipts.ListAsync(cancellationToken);
        var pointed = (await store.PointersAsync(cancellationToken)).Select(pointer => pointer.Name).ToHashSet(StringComparer.Ordinal);
        var unread = new List<Unfinished>();
        await foreach (var blob in storage.Input.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            if (blob.Properties.LastModified >= since
                && !pointed.Contains(blob.Name)
                && queued.TryGetValue(BlobTriggerReceipts.VersionKey(blob.Properties.ETag?.ToString(), blob.Name), out var receiptWritten)
                && receiptWritten < _startedBefore)
            {
                unread.Add(new Unfinished(blob.Name, null));
            }
        }

        return unread;
    }

    private async Task FinishAsync(IReadOnlyList<Unfinished> works, CancellationToken stoppingToken)
    {
        var finished = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxDegreeOfParallelism, CancellationToken = stoppingToken };
        await Parallel.ForEachAsync(works, parallel, async (work, cancellationToken) =>
        {
            try
            {
                if (!await StillUnfinishedAsync(work, cancellationToken))
                {
                    return;
                }

                var outcome = await processor.ProcessAsync(work.Name, cancellationToken);
                Interlocked.Increment(ref finished);
                LogFinished(outcome.ScanId, outcome.Status);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // Left to the trigger's own redelivery. The type only: messages can quote blob names.
                LogFailed(e.GetType().Name);
            }
        });

        if (finished > 0)
        {
            LogFound(finished);
        }
    }

    private static DateTimeOffset EndOfSecond(DateTimeOffset time) => time.AddTicks(TimeSpan.TicksPerSecond - (time.Ticks % TimeSpan.TicksPerSecond));

    /// <summary>An input blob name, and the scan id its pointer names when it has one.</summary>
    private sealed record Unfinished(string Name, string? ScanId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Finished {Count} scans that were begun or queued before this start and had no result")]
    private partial void LogFound(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unfinished scan {ScanId}: {Status}")]
    private partial void LogFinished(string? scanId, ProcessingStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Finishing an unfinished scan failed ({Error}); the blob trigger redelivers it later")]
    private partial void LogFailed(string error);
}
