using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using NCovNet.Pipeline.Storage;

namespace NCovNet.Pipeline.Tests.Fixtures;

/// <summary>
/// Storage whose first request matching a condition dies as a dropped connection would (an
/// IOException ahead of the client's retries); every other request reaches Azurite.
/// </summary>
public sealed class DroppedConnection(Func<HttpMessage, bool> matches) : HttpPipelineSynchronousPolicy
{
    private int _dropped;

    public bool Dropped => _dropped > 0;

    public static DroppedConnection OnFirstRequest() => new(_ => true);

    public PipelineStorage Storage(string connectionString)
    {
        var options = new BlobClientOptions();
        options.AddPolicy(this, HttpPipelinePosition.PerCall);
        return new PipelineStorage(new BlobServiceClient(connectionString, options), new QueueServiceClient(connectionString));
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        if (matches(message) && Interlocked.CompareExchange(ref _dropped, 1, 0) == 0)
        {
            throw new IOException("connection reset by peer");
        }
    }
}
