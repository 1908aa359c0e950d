using System.Diagnostics;
using Azure;
using Azure.Storage.Blobs.Specialized;

namespace NCovNet.Pipeline.Storage;

/// <summary>
/// One worker scores an id at a time: it holds a blob lease on scans/{id}/claim. Every attempt
/// gets its own lease id, so a duplicate delivery or the same bytes under another name find the
/// id taken and wait for the holder's result; a crashed holder's lease lapses after the claim
/// duration and the next attempt takes over. A live holder renews its lease at half the duration,
/// so a scan slower than the duration (a huge image on a busy host) is not taken over mid-way,
/// but for <see cref="MaxHold"/> at most, so that a hung scan does not block its id for good.
/// </summary>
public sealed class ScanClaims(PipelineStorage storage, ScanStore store)
{
    /// <summary>Longest a claim is renewed: the Functions app's functionTimeout (host.json), beyond which no invocation lives.</summary>
    public static readonly TimeSpan MaxHold = TimeSpan.FromMinutes(10);

    /// <summary>The claim, or null while another worker holds the id.</summary>
    public async Task<ScanClaim?> TryAcquireAsync(string scanId, TimeSpan duration, CancellationToken cancellationToken)
    {
        var sinceMarked = Stopwatch.StartNew();
        var markCreated = await store.MarkPendingAsync(scanId, cancellationToken);
        var lease = storage.Results.GetBlobClient(StorageLayout.ClaimBlob(scanId)).GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(duration, cancellationToken: cancellationToken);

            // Another worker can only have scored the id after this mark existed, and only under a
            // lease that, once completed, lapses a full duration after it was taken: acquiring
            // within one duration of creating the mark rules that out. A slower acquire looks.
            return new ScanClaim(lease, duration, firstForId: markCreated && sinceMarked.Elapsed < duration);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
    }
}

/// <summary>
/// A held claim, renewed in the background until disposed (or <see cref="ScanClaims.MaxHold"/>).
/// Disposing releases it, so that a retry need not wait for it to lapse, unless the scan was
/// completed: a stored result makes the claim moot, and letting its lease lapse saves a storage
/// call per scan.
/// </summary>
public sealed class ScanClaim : IAsyncDisposable
{
    private readonly BlobLeaseClient _lease;
    private readonly CancellationTokenSource _held = new();
    private readonly Task _renewals;
    private int _renewalCount;
    private bool _completed;
    private bool _disposed;

    internal ScanClaim(BlobLeaseClient lease, TimeSpan duration, bool firstForId)
    {
        _lease = lease;
        FirstForId = firstForId;
        _held.CancelAfter(ScanClaims.MaxHold);
        _renewals = RenewAsync(duration / 2, _held.Token);
    }

    /// <summary>This claim created the id's pending mark: nobody has scored the id before, so there is no result to look for.</summary>
    public bool FirstForId { get; }

    /// <summary>How many times the lease was renewed while held.</summary>
    public int Renewals => Volatile.Read(ref _renewalCount);

    /// <summary>A renewal failed: another worker may have taken the id over (its result write is conditional, so one result is stored either way).</summary>
    public bool Lost { get; private set; }

    public void Complete() => _completed = true;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
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
                Interlocked.Increment(ref _renewalCount);
            }
        }
        catch (OperationCanceledException) when (held.IsCancellationRequested)
        {
            // Disposed, or held for MaxHold: the lease lapses from here unless released.
        }
        catch (Exception)
        {
            // Storage down past the retries, or the lease lapsed: the holder logs it after scoring.
            Lost = true;
        }
    }
}
