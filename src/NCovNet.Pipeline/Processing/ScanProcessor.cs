using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NCovNet.Core.Scanning;
using NCovNet.Pipeline.Storage;

namespace NCovNet.Pipeline.Processing;

/// <summary>
/// Scores one input blob, safely under at-least-once delivery: the name is pointed at its scan
/// id, an existing result ends the work, one worker per id scores while the others wait for its
/// result (see <see cref="ScanClaims"/>),
/// heatmaps are stored before the result, and the result is stored last and only once. Bad
/// images end as stored failed results; only storage errors escape (after the SDK's retries),
/// so the trigger retries them and finally parks the blob in its poison queue.
/// </summary>
public sealed partial class ScanProcessor(
    PipelineStorage storage,
    ScanStore store,
    ScanClaims claims,
    DeadLetters deadLetters,
    IRadiographScanner scanner,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<ScanProcessor> logger)
{
    private static readonly TimeSpan FirstClaimPoll = TimeSpan.FromMilliseconds(200);

    private static readonly TimeSpan LastClaimPoll = TimeSpan.FromSeconds(5);

    public async Task<ProcessingOutcome> ProcessAsync(string inputBlobName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(inputBlobName);
        var input = await ReadInputAsync(storage.Input.GetBlobClient(inputBlobName), cancellationToken);
        if (input is null)
        {
            LogInputMissing();
            return new ProcessingOutcome(ProcessingStatus.InputMissing, null);
        }

        await store.PointNameAsync(inputBlobName, input.ScanId, cancellationToken);
        await using var claim = await ClaimOrAwaitResultAsync(input.ScanId, cancellationToken);
        if (claim is null)
        {
            return new ProcessingOutcome(ProcessingStatus.AlreadyScored, input.ScanId);
        }

        // From here the work is short and finishes even when the host is stopping: a result
        // half-way is worth more than a redelivery that repeats it.
        var outcome = await ScoreAsync(inputBlobName, input);
        if (outcome.Heatmaps is not null)
        {
            await store.WriteHeatmapsAsync(input.ScanId, outcome.Heatmaps, CancellationToken.None);
        }

        var record = new ScanRecord
        {
            Id = input.ScanId,
            CompletedAt = time.GetUtcNow(),
            Result = outcome.Result,
            HasHeatmaps = outcome.Heatmaps is not null,
        };
        var stored = await store.TryWriteRecordAsync(record, CancellationToken.None);
        if (stored)
        {
            claim.Complete();
        }

        if (claim.Lost)
        {
            LogClaimLost(input.ScanId, stored);
        }

        LogScored(input.ScanId, outcome.Result.Status, outcome.Result.Label ?? outcome.Result.Error?.Code);
        return new ProcessingOutcome(stored ? ProcessingStatus.Scored : ProcessingStatus.AlreadyScored, input.ScanId);
    }

    /// <summary>
    /// The claim on the id, or null once its result exists. Claiming comes first (a new id, the
    /// common case, has no result to look for, and its claim says so); while another worker holds
    /// the id this waits for its result, polling less often as the wait grows, for as long as a
    /// live holder may keep renewing (<see cref="ScanClaims.MaxHold"/>) plus one lapse; if the
    /// holder died, its lease lapses and this worker takes over.
    /// </summary>
    private async Task<ScanClaim?> ClaimOrAwaitResultAsync(string scanId, CancellationToken cancellationToken)
    {
        var longest = ScanClaims.MaxHold + options.Value.ClaimDuration;
        var deadline = time.GetUtcNow() + longest;
        var pause = FirstClaimPoll;
        while (true)
        {
            if (await claims.TryAcquireAsync(scanId, options.Value.ClaimDuration, cancellationToken) is { } claim)
            {
                return await UnlessScoredAsync(claim, scanId, cancellationToken);
            }

            if (await store.GetRecordJsonAsync(scanId, cancellationToken) is not null)
            {
                return null;
            }

            if (time.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Scan {scanId} stayed claimed by another worker for {longest}; the trigger will retry.");
            }

            await Task.Delay(pause, time, cancellationToken);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LastClaimPoll.Ticks));
        }
    }

    /// <summary>
    /// The claim, unless a result exists from an earlier delivery or from a holder that finished
    /// just before we acquired (no look for an id this claim saw first). Released on every other way out, so that a failed or cancelled
    /// look does not leave the id leased until the claim lapses.
    /// </summary>
    private async Task<ScanClaim?> UnlessScoredAsync(ScanClaim claim, string scanId, CancellationToken cancellationToken)
    {
        if (claim.FirstForId)
        {
            return claim;
        }

        bool scored;
        try
        {
            scored = await store.GetRecordJsonAsync(scanId, cancellationToken) is not null;
        }
        catch
        {
            await claim.DisposeAsync();
            throw;
        }

        if (!scored)
        {
            return claim;
        }

        await claim.DisposeAsync();
        return null;
    }

    /// <summary>One download: its length decides whether the body is read into memory or only hashed as a stream.</summary>
    private async Task<InputImage?> ReadInputAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            using var download = (await blob.DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
            var length = download.Details.ContentLength;
            if (length > options.Value.MaxImageBytes)
            {
                // The oversized blob keeps a content-addressed id without being held in memory.
                return new InputImage(await ScanId.OfAsync(download.Content, cancellationToken), null, length);
            }

            var bytes = new byte[length];
            await download.Content.ReadExactlyAsync(bytes, cancellationToken);
            return new InputImage(ScanId.Of(bytes), bytes, length);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private async Task<ScanOutcome> ScoreAsync(string inputBlobName, InputImage input)
    {
        if (input.Bytes is not { } bytes)
        {
            return new ScanOutcome(FailedResults.TooManyBytes(input.Length, options.Value.MaxImageBytes, scanner.Model), null);
        }

        try
        {
            return scanner.Scan(bytes);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The scanner contract says bad input never throws, so this is a bug: record it, don't retry it forever.
            LogScannerFailed(e, input.ScanId);
            await deadLetters.AddAsync(
                new DeadLetter(inputBlobName, input.ScanId, FailedResults.InternalErrorCode, e.GetType().Name, time.GetUtcNow()),
                CancellationToken.None);
            return new ScanOutcome(FailedResults.InternalError(scanner.Model), null);
        }
    }

    // Logs name scan ids, never input blob names: clinics often name files after patients.
    // names/{blob} in the results container maps a name to its id for whoever may read storage.
    [LoggerMessage(Level = LogLevel.Information, Message = "Scan {ScanId}: {Status} ({Detail})")]
    private partial void LogScored(string scanId, string status, string? detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scan {ScanId}: its claim could not be renewed while scoring (another worker may have taken over); result stored by this worker: {Stored}")]
    private partial void LogClaimLost(string scanId, bool stored);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An input blob was deleted before it could be read; nothing to score")]
    private partial void LogInputMissing();

    [LoggerMessage(Level = LogLevel.Error, Message = "Scanner threw on scan {ScanId}; stored as internal-error and dead-lettered")]
    private partial void LogScannerFailed(Exception exception, string scanId);

    private sealed record InputImage(string ScanId, ReadOnlyMemory<byte>? Bytes, long Length);
}
