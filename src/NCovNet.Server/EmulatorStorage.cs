using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;

namespace NCovNet.Server;

/// <summary>
/// Whether a container lives on the storage emulator (Azurite), by the test the WebJobs SDK uses
/// to pick its blob-trigger scan strategy: a path-style service URI whose path is the account name.
/// </summary>
public static class EmulatorStorage
{
    public static bool Hosts(BlobContainerClient container)
    {
        var service = container.GetParentBlobServiceClient();
        return string.Equals(service.Uri.PathAndQuery.TrimStart('/'), service.AccountName, StringComparison.OrdinalIgnoreCase);
    }
}
