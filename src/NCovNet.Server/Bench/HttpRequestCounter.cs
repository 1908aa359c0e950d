using System.Diagnostics.Metrics;

namespace NCovNet.Server.Bench;

/// <summary>
/// Counts the HTTP requests this process sends to one host and port, from the runtime's own
/// <c>System.Net.Http</c> metrics: how many storage calls an image costs, whoever makes them
/// (the pipeline, the blob trigger's scans, receipts and queue, the benchmark's uploads).
/// </summary>
public sealed class HttpRequestCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Func<int, bool> _isCountedPort;
    private long _count;

    /// <param name="isCountedPort">Which server ports to count (e.g. the storage emulator's).</param>
    public HttpRequestCounter(Func<int, bool> isCountedPort)
    {
        _isCountedPort = isCountedPort;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.request.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(OnRequestCompleted);
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();

    private void OnRequestCompleted(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        foreach (var tag in tags)
        {
            if (tag is { Key: "server.port", Value: int port } && _isCountedPort(port))
            {
                Interlocked.Increment(ref _count);
                return;
            }
        }
    }
}
