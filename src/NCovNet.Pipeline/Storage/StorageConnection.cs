using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace NCovNet.Pipeline.Storage;

/// <summary>
/// Builds storage clients the way the Functions host reads a connection named
/// <c>AzureWebJobsStorage</c>: either a connection string (Azurite, keys) or, for identity-based
/// connections, <c>AzureWebJobsStorage__blobServiceUri</c> / <c>__queueServiceUri</c> (or
/// <c>__accountName</c> for the public cloud's endpoints) with a token credential:
/// <c>__credential=managedidentity</c> uses the managed identity only (<c>__clientId</c> or
/// <c>__managedIdentityResourceId</c> picks a user-assigned one), as the host does; a service
/// principal's <c>__tenantId</c>/<c>__clientId</c>/<c>__clientSecret</c> are honoured too; without
/// them <see cref="DefaultAzureCredential"/> (a developer's az login works too). Transient failures are retried with exponential backoff.
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

        var account = Setting(section, "accountName");
        var blobUri = Setting(section, "blobServiceUri") ?? (account is null ? null : $"https://{account}.blob.core.windows.net");
        var queueUri = Setting(section, "queueServiceUri") ?? (account is null ? null : $"https://{account}.queue.core.windows.net");
        if (blobUri is null || queueUri is null)
        {
            throw new InvalidOperationException(
                $"Storage connection '{name}' is not configured: set {name} to a connection string, " +
                $"or {name}__blobServiceUri and {name}__queueServiceUri (or {name}__accountName) for an identity-based connection.");
        }

        var credential = CreateCredential(section);
        return (new BlobServiceClient(new Uri(blobUri), credential, blobOptions), new QueueServiceClient(new Uri(queueUri), credential, queueOptions));
    }

    /// <summary>
    /// The token credential an identity-based connection names, as the Functions host reads it:
    /// <c>__credential=managedidentity</c> with <c>__clientId</c> or <c>__managedIdentityResourceId</c>
    /// for a user-assigned identity; <c>__tenantId</c> + <c>__clientId</c> + <c>__clientSecret</c>
    /// for a service principal; otherwise <see cref="DefaultAzureCredential"/> (with <c>__clientId</c>
    /// passed on as its managed identity).
    /// </summary>
    public static TokenCredential CreateCredential(IConfigurationSection section)
    {
        var clientId = Setting(section, "clientId");
        var resourceId = Setting(section, "managedIdentityResourceId");
        if (Setting(section, "clientSecret") is { } secret)
        {
            var tenantId = Setting(section, "tenantId") ?? throw Refuse(section, "clientSecret needs tenantId and clientId");
            return new ClientSecretCredential(tenantId, clientId ?? throw Refuse(section, "clientSecret needs tenantId and clientId"), secret);
        }

        return Setting(section, "credential") switch
        {
            null => clientId is null
                ? new DefaultAzureCredential()
                : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId }),
            var kind when kind.Equals("managedidentity", StringComparison.OrdinalIgnoreCase) => new ManagedIdentityCredential(
                resourceId is not null ? ManagedIdentityId.FromUserAssignedResourceId(new ResourceIdentifier(resourceId))
                : clientId is not null ? ManagedIdentityId.FromUserAssignedClientId(clientId)
                : ManagedIdentityId.SystemAssigned),
            var kind => throw Refuse(section, $"credential is '{kind}'; the only value supported is 'managedidentity' (leave it unset to use DefaultAzureCredential)"),
        };
    }

    private static InvalidOperationException Refuse(IConfigurationSection section, string problem) =>
        new($"{section.Path}__{problem}.");

    private static string? Setting(IConfigurationSection section, string key) =>
        string.IsNullOrWhiteSpace(section[key]) ? null : section[key];

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
