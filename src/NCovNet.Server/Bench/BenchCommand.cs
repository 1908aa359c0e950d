using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using NCovNet.Core.Scanning;
using NCovNet.Pipeline.Processing;
using NCovNet.Pipeline.Storage;
using NCovNet.Server.Azurite;

namespace NCovNet.Server.Bench;

/// <summary>
/// <c>NCovNet.Server --bench FOLDER [--count 200] [--concurrency 8] [--requests 1000] [--storage CONNECTION]</c>:
/// a fresh Azurite in a temporary folder (or, with <c>--storage</c>, an account or emulator started
/// elsewhere, e.g. on cores of its own, as storage is in production), the server on a free loopback
/// port, <see cref="PipelineBenchmark"/> over the first distinct images of FOLDER, the numbers
/// printed, everything it started stopped.
/// </summary>
public static class BenchCommand
{
    public const string Switch = "--bench";

    public static async Task<int> RunAsync(string[] args)
    {
        var folder = ValueAfter(args, Switch) ?? throw new ArgumentException($"{Switch} needs a folder of PNG/JPEG/DICOM images.");
        var count = int.Parse(ValueAfter(args, "--count") ?? "200", System.Globalization.CultureInfo.InvariantCulture);
        var concurrency = int.Parse(ValueAfter(args, "--concurrency") ?? "8", System.Globalization.CultureInfo.InvariantCulture);
        var requests = int.Parse(ValueAfter(args, "--requests") ?? "1000", System.Globalization.CultureInfo.InvariantCulture);
        var images = LoadDistinctImages(folder, count);
        var serverArgs = args.Where(a => a.StartsWith("--Pipeline", StringComparison.OrdinalIgnoreCase) || a.StartsWith("--Server", StringComparison.OrdinalIgnoreCase)).ToArray();
        if (ValueAfter(args, "--storage") is { } connectionString)
        {
            // Its processor time is not this machine's to count: it may run elsewhere, or be pinned to other cores.
            Console.WriteLine(await RunAsync(connectionString, serverArgs, images, concurrency, requests));
            return 0;
        }

        var data = Path.Combine(Path.GetTempPath(), "ncovnet-bench-" + Guid.NewGuid().ToString("N"));
        await using (var azurite = await AzuriteProcess.StartAsync(RepositoryRoot.Find(), data, preferDefaultPorts: false, CancellationToken.None))
        {
            var report = await RunAsync(azurite.ConnectionString, serverArgs, images, concurrency, requests, storageProcessorTime: () => azurite.ProcessorTime);
            Console.WriteLine(report);
        }

        Directory.Delete(data, recursive: true);
        return 0;
    }

    /// <summary>Starts a server on the given storage, benchmarks it and stops it.</summary>
    /// <param name="measureBare">Whether to time the bare scanner first (the comparison the benchmark exists for).</param>
    /// <param name="storageProcessorTime">The storage emulator's processor time so far, when it runs on this machine.</param>
    public static async Task<BenchmarkReport> RunAsync(
        string connectionString, string[] serverArgs, IReadOnlyList<byte[]> images, int concurrency, int requests, bool measureBare = true, Func<TimeSpan>? storageProcessorTime = null)
    {
        string[] args = [.. serverArgs, "--urls=http://127.0.0.1:0", $"--{StorageConnection.DefaultName}={connectionString}", "--Logging:LogLevel:Default=Warning"];
        await using var app = ServerApp.Build(args);
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            var apiKey = app.Services.GetRequiredService<IOptions<ServerOptions>>().Value.ApiKey;
            if (!string.IsNullOrEmpty(apiKey))
            {
                client.DefaultRequestHeaders.Add(ApiKeyFilter.HeaderName, apiKey);
            }

            var benchmark = new PipelineBenchmark(app.Services.GetRequiredService<IRadiographScanner>(), app.Services.GetRequiredService<PipelineStorage>(), client, storageProcessorTime);
            var workers = measureBare ? app.Services.GetRequiredService<IOptions<ServerOptions>>().Value.MaxDegreeOfParallelism : 0;
            return await benchmark.RunAsync(images, workers, concurrency, requests, TimeSpan.FromMinutes(5));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static List<byte[]> LoadDistinctImages(string folder, int count) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(file => Path.GetExtension(file).ToLowerInvariant() is ".png" or ".jpg" or ".jpeg" or ".dcm")
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes)
            .DistinctBy(bytes => ScanId.Of(bytes))
            .Take(count)
            .ToList();

    private static string? ValueAfter(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
