using Azure;
using Azure.Storage.Blobs.Specialized;

namespace NCovNet.Pipeline.Storage;

/// <summary>
/// One worker scores an id at a time: it holds a blob lease on scans/{id}/claim. Every attempt
/// gets its own lease id, so a duplicate delivery or the same bytes under another name find the
/// id taken and wait for the holder's result; a crashed holder's lease lapses after the claim
/// duration and the next attempt takes over. A live holder renews its lease at half the duration,
/// so a scan slower than the duration (a huge image on a busy host) is not taken over mid-way.
/// </summary>
public sealed class ScanClaims(PipelineStorage storage, ScanStore store)
{
    /// <summary>The claim, or null while another worker holds the id.</summary>
    public async Task<ScanClaim?> TryAcquireAsync(string scanId, TimeSpan duration, CancellationToken cancellationToken)
    {
        var firstForId = await store.MarkPendingAsync(scanId, cancellationToken);
        var lease = storage.Results.GetBlobClient(StorageLayout.ClaimBlob(scanId)).GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(duration, cancellationToken: cancellationToken);
            return new ScanClaim(lease, duration, firstForId);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
    }
}

/// <summary>
/// A held claim, renewed in the background until disposed. Disposing releases it, so that a
/// retry need not wait for it to lapse, unless the scan was completed: a stored result makes the
/// claim moot, and letting its lease lapse saves a storage call per scan.
/// </summary>
public sealed class ScanClaim : IAsyncDisposable
{
    private readonly BlobLeaseClient _lease;
    private readonly CancellationTokenSource _held = new();
    private readonly Task _renewals;
    private bool _completed;

    internal ScanClaim(BlobLeaseClient lease, TimeSpan duration, bool firstForId)
    {
        _lease = lease;
        FirstForId = firstForId;
        _renewals = RenewAsync(duration / 2, _held.Token);
    }

    /// <summary>This claim created the id's pending mark: nobody has scored the id before, so there is no result to look for.</summary>
    public bool FirstForId { get; }

    /// <summary>How many times the lease was renewed while held.</summary>
    public int Renewals { get; private set; }

    public void Complete() => _completed = true;

    public async ValueTask DisposeAsync()
    {
        await _held.CancelAsync();
        await _renewals;
        _held.Dispose();
        if (_completed)
        {
            return;
        }

        try
        {
            await _lease.ReleaseAsync();
        }
        catch (RequestFailedException)
        {
            // Lapsed or already released: either way nobody holds it for us any more.
        }
    }

    private async Task RenewAsync(TimeSpan interval, CancellationToken held)
    {
        try
        {
            while (true)
            {
                await Task.Delay(interval, held);
                await _lease.RenewAsync(cancellationToken: held);
                Renewals++;
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: the claim is no longer needed.
        }
        catch (Exception)
        {
            // Lost (storage down past the retries, or the lease lapsed): another worker may take
            // over; the result is written conditionally, so at worst the scan is done twice, stored once.
        }
    }
}
