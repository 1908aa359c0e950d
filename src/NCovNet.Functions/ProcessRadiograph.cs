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
        [BlobTrigger(StorageLayout.InputContainer + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = StorageConnection.DefaultName)] BlobClient blob,
        CancellationToken cancellationToken)
    {
        await processor.ProcessAsync(blob.Name, cancellationToken);
    }
}
