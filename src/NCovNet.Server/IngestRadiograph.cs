using Azure.Storage.Blobs;
using Microsoft.Azure.WebJobs;
using NCovNet.Pipeline.Processing;
using NCovNet.Pipeline.Storage;

namespace NCovNet.Server;

/// <summary>
/// The local twin of the Functions app's ProcessRadiograph: the WebJobs SDK's blob trigger
/// (container scan + blob receipts, so each blob version is processed once per host id and a
/// run cut short by a restart is redelivered).
/// </summary>
public sealed class IngestRadiograph(ScanProcessor processor)
{
    [FunctionName(nameof(IngestRadiograph))]
    public async Task RunAsync(
        [BlobTrigger(StorageLayout.InputContainer + "/{name}", Connection = StorageConnection.DefaultName)] BlobClient blob)
    {
        // No cancellation on purpose: a started scan finishes within the host's shutdown grace
        // period instead of failing half-way and waiting out the trigger queue's visibility timeout.
        await processor.ProcessAsync(blob.Name, CancellationToken.None);
    }
}
