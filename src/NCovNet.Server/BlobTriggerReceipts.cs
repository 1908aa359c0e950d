using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using NCovNet.Pipeline.Storage;

namespace NCovNet.Server;

/// <summary>
/// The WebJobs blob trigger's receipts for the input container. Its scan writes one per blob
/// version it has seen (<c>azure-webjobs-hosts/blobreceipts/{host}/{function}/{etag}/{container}/{name}</c>)
/// and marks it complete when it queues the blob, not when the function succeeds.
/// </summary>
public sealed class BlobTriggerReceipts(PipelineStorage storage)
{
    public const string Container = "azure-webjobs-hosts";

    public const string Prefix = "blobreceipts/";

    /// <summary>When each input blob version (see <see cref="VersionKey"/>) got its receipt last written.</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> ListAsync(CancellationToken cancellationToken)
    {
        var written = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var receipts = storage.Input.GetParentBlobServiceClient().GetBlobContainerClient(Container);
        if (!await receipts.ExistsAsync(cancellationToken))
        {
            return written;
        }

        await foreach (var receipt in receipts.GetBlobsAsync(new GetBlobsOptions { Prefix = Prefix }, cancellationToken))
        {
            // {host}/{function}/{etag}/{container}/{name...}: the name may hold slashes, the rest cannot.
            var parts = receipt.Name[Prefix.Length..].Split('/', 5);
            if (parts.Length == 5 && parts[3] == storage.Input.Name && receipt.Properties.LastModified is { } lastModified)
            {
                var key = VersionKey(parts[2], parts[4]);
                written[key] = written.TryGetValue(key, out var other) && other > lastModified ? other : lastModified;
            }
        }

        return written;
    }

    /// <summary>An input blob version: its ETag and name. Listings give ETags without quotes, receipt names carry the header's quotes.</summary>
    public static string VersionKey(string? eTag, string name) => $"{eTag?.Trim('"')}/{name}";
}
