using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using NCovNet.Core.Models;
using NCovNet.Pipeline.Processing;
using NCovNet.Pipeline.Storage;

namespace NCovNet.Pipeline.Tests.Fixtures;

/// <summary>Reads what the pipeline stored, the way a client with storage access would.</summary>
public sealed class ResultReader(string connectionString)
{
    private readonly BlobContainerClient _results = new BlobServiceClient(connectionString).GetBlobContainerClient(StorageLayout.ResultsContainer);

    public async Task<string?> ScanIdForAsync(string inputBlobName)
    {
        try
        {
            return (await _results.GetBlobClient(StorageLayout.NamePointerBlob(inputBlobName)).DownloadContentAsync()).Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<ScanRecord?> RecordAsync(string scanId)
    {
        try
        {
            var json = (await _results.GetBlobClient(StorageLayout.ResultBlob(scanId)).DownloadContentAsync()).Value.Content.ToString();
            return JsonSerializer.Deserialize<ScanRecord>(json, ModelJson.Options);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Every stored result.json, with its creation time (a rewrite would change it).</summary>
    public async Task<IReadOnlyList<string>> ResultBlobNamesAsync()
    {
        var names = new List<string>();
        await foreach (var blob in _results.GetBlobsAsync(new GetBlobsOptions { Prefix = "scans/" }))
        {
            if (blob.Name.EndsWith("/result.json", StringComparison.Ordinal))
            {
                names.Add(blob.Name);
            }
        }

        return names;
    }

    /// <summary>The scan ids that have a stored result.json.</summary>
    public async Task<IReadOnlyList<string>> ScanIdsWithResultAsync() =>
        (await ResultBlobNamesAsync()).Select(name => name.Split('/')[1]).ToList();

    /// <summary>Polls until every input name points at a stored result, or the timeout passes.</summary>
    public async Task<IReadOnlyDictionary<string, ScanRecord>> WaitForAllAsync(IEnumerable<string> inputBlobNames, TimeSpan timeout)
    {
        var pending = inputBlobNames.ToHashSet();
        var done = new Dictionary<string, ScanRecord>();
        var deadline = DateTime.UtcNow + timeout;
        while (pending.Count > 0 && DateTime.UtcNow < deadline)
        {
            foreach (var name in pending.ToList())
            {
                if (await ScanIdForAsync(name) is { } id && await RecordAsync(id) is { } record)
                {
                    done[name] = record;
                    pending.Remove(name);
                }
            }

            if (pending.Count > 0)
            {
                await Task.Delay(250);
            }
        }

        return done;
    }
}
