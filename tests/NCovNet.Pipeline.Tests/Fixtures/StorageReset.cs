using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace NCovNet.Pipeline.Tests.Fixtures;

/// <summary>Empties the shared Azurite between tests: every container and queue goes.</summary>
public static class StorageReset
{
    public static async Task ClearAsync(string connectionString)
    {
        var blobs = new BlobServiceClient(connectionString);
        await foreach (var container in blobs.GetBlobContainersAsync())
        {
            await blobs.DeleteBlobContainerAsync(container.Name);
        }

        var queues = new QueueServiceClient(connectionString);
        await foreach (var queue in queues.GetQueuesAsync())
        {
            await queues.DeleteQueueAsync(queue.Name);
        }
    }
}
