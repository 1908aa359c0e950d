using System.Text.Json;
using NCovNet.Core.Models;

namespace NCovNet.Pipeline.Storage;

/// <summary>
/// The queue an operator lists (<c>az storage message peek -q scan-dead-letters</c>) to see
/// inputs the pipeline gave up on. Each message names the blob, the scan id and the error code.
/// </summary>
public sealed class DeadLetters(PipelineStorage storage)
{
    public async Task AddAsync(DeadLetter letter, CancellationToken cancellationToken)
    {
        await storage.DeadLetters.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await storage.DeadLetters.SendMessageAsync(
            JsonSerializer.Serialize(letter, ModelJson.Options),
            visibilityTimeout: null,
            timeToLive: TimeSpan.FromSeconds(-1),
            cancellationToken);
    }

    public async Task<IReadOnlyList<DeadLetter>> PeekAsync(CancellationToken cancellationToken)
    {
        if (!await storage.DeadLetters.ExistsAsync(cancellationToken))
        {
            return [];
        }

        var messages = await storage.DeadLetters.PeekMessagesAsync(32, cancellationToken);
        return messages.Value.Select(m => JsonSerializer.Deserialize<DeadLetter>(m.Body, ModelJson.Options)!).ToList();
    }
}

public sealed record DeadLetter(string Blob, string? ScanId, string Code, string Message, DateTimeOffset At);
