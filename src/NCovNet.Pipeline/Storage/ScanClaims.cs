using Azure;
using Azure.Storage.Blobs.Specialized;

namespace NCovNet.Pipeline.Storage;

/// <summary>
/// One worker scores an id at a time: it holds a blob lease on scans/{id}/claim. Every attempt
/// gets its own lease id, so a duplicate delivery or the same bytes under another name find the
/// id taken and wait for the holder's result; a crashed holder's lease lapses after the claim
/// duration and the next attempt takes over.
/// </summary>
public sealed class ScanClaims(PipelineStorage storage, ScanStore store)
{
    /// <summary>The claim, or null while another worker holds the id.</summary>
    public async Task<ScanClaim?> TryAcquireAsync(string scanId, TimeSpan duration, CancellationToken cancellationToken)
    {
        await store.MarkPendingAsync(scanId, cancellationToken);
        var lease = storage.Results.GetBlobClient(StorageLayout.ClaimBlob(scanId)).GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(duration, cancellationToken: cancellationToken);
            return new ScanClaim(lease);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
    }
}

/// <summary>
/// A held claim. Disposing releases it, so that a retry need not wait for it to lapse, unless the
/// scan was completed: a stored result makes the claim moot, and letting its lease lapse saves
/// a storage call per scan.
/// </summary>
public sealed class ScanClaim(BlobLeaseClient lease) : IAsyncDisposable
{
    private bool _completed;

    public void Complete() => _completed = true;

    public async ValueTask DisposeAsync()
    {
        if (_completed)
        {
            return;
        }

        try
        {
            await lease.ReleaseAsync();
        }
        catch (RequestFailedException)
        {
            // Lapsed or already released: either way nobody holds it for us any more.
        }
    }
}
