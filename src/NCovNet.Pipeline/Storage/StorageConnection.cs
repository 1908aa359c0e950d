using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace NCovNet.Pipeline.Storage;

/// <summary>
/// Builds storage clients the way the Functions host reads a connection named
/// <c>AzureWebJobsStorage</c>: either a connection string (Azurite, keys) or, for identity-based
/// connections, <c>AzureWebJobsStorage__blobServiceUri</c> / <c>__queueServiceUri</c> with
/// <see cref="DefaultAzureCredential"/> (managed identity in Azure; <c>__clientId</c> picks a
/// user-assigned identity). Transient failures are retried with exponential backoff.
/// </summary>
public static class StorageConnection
{
    public const string DefaultName = "AzureWebJobsStorage";

    public static (BlobServiceClient Blobs, QueueServiceClient Queues) Create(IConfiguration configuration, string name = DefaultName)
    {
        var section = configuration.GetSection(name);
        var blobOptions = new BlobClientOptions();
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        ConfigureRetry(blobOptions.Retry);
        ConfigureRetry(queueOptions.Retry);

        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return (new BlobServiceClient(section.Value, blobOptions), new QueueServiceClient(section.Value, queueOptions));
        }

        var blobUri = section["blobServiceUri"];
        var queueUri = section["queueServiceUri"];
        if (string.IsNullOrWhiteSpace(blobUri) || string.IsNullOrWhiteSpace(queueUri))
        {
            throw new InvalidOperationException(
                $"Storage connection '{name}' is not configured: set {name} to a connection string, " +
                $"or {name}__blobServiceUri and {name}__queueServiceUri for an identity-based connection.");
        }

        var credential = CreateCredential(section["clientId"]);
        return (new BlobServiceClient(new Uri(blobUri), credential, blobOptions), new QueueServiceClient(new Uri(queueUri), credential, queueOptions));
    }

    private static TokenCredential CreateCredential(string? clientId) =>
        string.IsNullOrWhiteSpace(clientId)
            ? new DefaultAzureCredential()
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });

    private static void ConfigureRetry(RetryOptions retry)
    {
        // About 15 s of backoff in all: enough to ride out a storage restart or throttling burst.
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = 6;
        retry.Delay = TimeSpan.FromMilliseconds(250);
        retry.MaxDelay = TimeSpan.FromSeconds(8);
        retry.NetworkTimeout = TimeSpan.FromSeconds(30);
    }
}
