using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using NCovNet.Pipeline.Processing;
using NCovNet.Pipeline.Storage;

namespace NCovNet.Functions;

/// <summary>Scores each new blob in the input container (Event Grid delivery; safe to deliver twice).</summary>
public sealed class ProcessRadiograph(ScanProcessor processor)
{
    [Function(nameof(ProcessRadiograph))]
    public async Task RunAsync(
        [BlobTrigger(StorageLayout.InputContainer + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = StorageConnection.DefaultName)] BlobClient blob)
    {
        // No cancellation on purpose: a started scan finishes within the host's shutdown grace
        // period instead of failing half-way and waiting out the trigger queue's visibility timeout.
        await processor.ProcessAsync(blob.Name, CancellationToken.None);
    }
}
