using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NCovNet.Core.Scanning;
using NCovNet.Pipeline.Storage;

namespace NCovNet.Pipeline.Processing;

/// <summary>
/// Scores one input blob, safely under at-least-once delivery: the name is pointed at its scan
/// id, an existing result ends the work, one worker per id scores (see <see cref="ScanClaims"/>),
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
    public async Task<ProcessingOutcome> ProcessAsync(string inputBlobName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(inputBlobName);
        var input = await ReadInputAsync(storage.Input.GetBlobClient(inputBlobName), cancellationToken);
        if (input is null)
        {
            LogInputMissing(inputBlobName);
            return new ProcessingOutcome(ProcessingStatus.InputMissing, null);
        }

        await store.PointNameAsync(inputBlobName, input.ScanId, cancellationToken);
        if (await store.GetRecordJsonAsync(input.ScanId, cancellationToken) is not null)
        {
            return new ProcessingOutcome(ProcessingStatus.AlreadyScored, input.ScanId);
        }

        await using var claim = await claims.TryAcquireAsync(input.ScanId, inputBlobName, input.ETag, options.Value.ClaimDuration, cancellationToken);
        if (claim is null)
        {
            return new ProcessingOutcome(ProcessingStatus.ScoringElsewhere, input.ScanId);
        }

        if (await store.GetRecordJsonAsync(input.ScanId, cancellationToken) is not null)
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
        LogScored(input.ScanId, inputBlobName, outcome.Result.Status, outcome.Result.Label ?? outcome.Result.Error?.Code);
        return new ProcessingOutcome(stored ? ProcessingStatus.Scored : ProcessingStatus.AlreadyScored, input.ScanId);
    }

    private async Task<InputImage?> ReadInputAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            if (properties.ContentLength > options.Value.MaxImageBytes)
            {
                // Hash the oversized blob as a stream: its id stays content-addressed without holding it in memory.
                await using var stream = await blob.OpenReadAsync(new Azure.Storage.Blobs.Models.BlobOpenReadOptions(allowModifications: false), cancellationToken);
                return new InputImage(await ScanId.OfAsync(stream, cancellationToken), properties.ETag, null, properties.ContentLength);
            }

            var content = (await blob.DownloadContentAsync(cancellationToken)).Value;
            var bytes = content.Content.ToMemory();
            return new InputImage(ScanId.Of(bytes.Span), content.Details.ETag, bytes, bytes.Length);
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
            LogScannerFailed(e, input.ScanId, inputBlobName);
            await deadLetters.AddAsync(
                new DeadLetter(inputBlobName, input.ScanId, FailedResults.InternalErrorCode, e.GetType().Name, time.GetUtcNow()),
                CancellationToken.None);
            return new ScanOutcome(FailedResults.InternalError(scanner.Model), null);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scan {ScanId} from {Blob}: {Status} ({Detail})")]
    private partial void LogScored(string scanId, string blob, string status, string? detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Input blob {Blob} no longer exists; nothing to score")]
    private partial void LogInputMissing(string blob);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scanner threw on scan {ScanId} from {Blob}; stored as internal-error and dead-lettered")]
    private partial void LogScannerFailed(Exception exception, string scanId, string blob);

    private sealed record InputImage(string ScanId, ETag ETag, ReadOnlyMemory<byte>? Bytes, long Length);
}
