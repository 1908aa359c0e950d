namespace NCovNet.Server;

/// <summary>Settings of the "Server" configuration section (Server__X in the environment).</summary>
public sealed class ServerOptions
{
    public const string Section = "Server";

    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>
    /// Key callers send as <c>x-functions-key</c> (or <c>?code=</c>), like a Functions key. Required
    /// when the server listens on anything but loopback; when set, required on every route.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Blob-trigger workers scoring at once. Two per core: a worker spends about a third of an
    /// image's time waiting on storage round trips, and with one per core those waits leave the
    /// core idle (measured on one core with storage on another: 0.71-0.74 of the bare scanner
    /// with two workers, 0.86-0.90 with four; docs/pipeline.md).
    /// </summary>
    public int MaxDegreeOfParallelism { get; set; } = Math.Max(4, 2 * Environment.ProcessorCount);
}
