using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace NCovNet.Pipeline.Storage;

/// <summary>The containers and queue of <see cref="StorageLayout"/> on one storage account.</summary>
public sealed class PipelineStorage
{
    public PipelineStorage(BlobServiceClient blobs, QueueServiceClient queues)
    {
        Input = blobs.GetBlobContainerClient(StorageLayout.InputContainer);
        Results = blobs.GetBlobContainerClient(StorageLayout.ResultsContainer);
        DeadLetters = queues.GetQueueClient(StorageLayout.DeadLetterQueue);
        TriggerPoison = queues.GetQueueClient(StorageLayout.TriggerPoisonQueue);
    }

    public BlobContainerClient Input { get; }

    public BlobContainerClient Results { get; }

    public QueueClient DeadLetters { get; }

    public QueueClient TriggerPoison { get; }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await Input.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Results.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await DeadLetters.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }
}
