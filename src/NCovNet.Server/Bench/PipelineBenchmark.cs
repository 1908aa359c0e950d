using System.Diagnostics;
using Azure.Storage.Blobs.Models;
using NCovNet.Core.Scanning;
using NCovNet.Pipeline.Processing;
using NCovNet.Pipeline.Storage;

namespace NCovNet.Server.Bench;

/// <summary>
/// Bounded load on a running server, loopback only: scores the images bare (the scanner alone,
/// as many workers as the blob trigger), then uploads them all at once into the input container
/// and waits for every result (pipeline images/s), then fetches results over HTTP at a fixed
/// concurrency (GET p50/p99). Processor time per image is taken for this process in both phases
/// and for the storage emulator when it shares the machine, so a ratio below 1 can be told apart
/// into the pipeline's own work and the emulator's. Stops by itself; prints, never asserts.
/// </summary>
public sealed class PipelineBenchmark(IRadiographScanner scanner, PipelineStorage storage, HttpClient client, Func<TimeSpan>? storageProcessorTime = null)
{
    /// <param name="images">Distinct images.</param>
    /// <param name="workers">Bare-scanner workers; 0 skips the bare measurement.</param>
    /// <exception cref="InvalidOperationException">Some of the images were scored on this account before: the pipeline would only point to those results.</exception>
    public async Task<BenchmarkReport> RunAsync(IReadOnlyList<byte[]> images, int workers, int getConcurrency, int getRequests, TimeSpan timeout)
    {
        var ids = images.Select(image => ScanId.Of(image)).ToList();
        await RefuseScoredImagesAsync(ids);
        double? bareImagesPerSecond = null;
        double? bareCpuMs = null;
        if (workers > 0)
        {
            var bareCpu = ProcessCpu();
            var bare = Stopwatch.StartNew();
            await Parallel.ForEachAsync(images, new ParallelOptions { MaxDegreeOfParallelism = workers }, (image, _) =>
            {
                scanner.Scan(image);
                return ValueTask.CompletedTask;
            });
            bareImagesPerSecond = images.Count / bare.Elapsed.TotalSeconds;
            bareCpuMs = (ProcessCpu() - bareCpu).TotalMilliseconds / images.Count;
        }

        var run = Guid.NewGuid().ToString("N")[..8];
        var names = images.Select((_, i) => $"bench/{run}/{i:D4}.img").ToList();
        using var storageRequests = new HttpRequestCounter(port => port == storage.Input.Uri.Port || port == storage.DeadLetters.Uri.Port);
        var serverCpu = ProcessCpu();
        var storageCpu = storageProcessorTime?.Invoke();
        var pipeline = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, images.Count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await storage.Input.GetBlobClient(names[i]).UploadAsync(BinaryData.FromBytes(images[i]), overwrite: true, ct));
        var scored = await WaitForResultsAsync(ids.Distinct().ToList(), timeout);
        var pipelineSeconds = pipeline.Elapsed.TotalSeconds;
        var serverCpuMs = (ProcessCpu() - serverCpu).TotalMilliseconds / images.Count;
        double? storageCpuMs = storageCpu is { } before ? (storageProcessorTime!() - before).TotalMilliseconds / images.Count : null;
        var storageRequestsPerImage = (double)storageRequests.Count / images.Count;

        var latencies = await MeasureGetsAsync(ids, getConcurrency, getRequests);
        return new BenchmarkReport(
            images.Count,
            scored,
            bareImagesPerSecond,
            scored / pipelineSeconds,
            bareCpuMs,
            serverCpuMs,
            storageCpuMs,
            storageRequestsPerImage,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            getConcurrency,
            latencies.Count);
    }

    private async Task RefuseScoredImagesAsync(IReadOnlyList<string> ids)
    {
        var scored = await ListScoredAsync();
        var already = ids.Count(scored.Contains);
        if (already > 0)
        {
            throw new InvalidOperationException(
                $"{already} of the {ids.Count} images already have results in this storage account, so the pipeline would not score them again " +
                "and the benchmark would time storage lookups instead of scans. Benchmark against a fresh emulator (the default) or an account without these results.");
        }
    }

    private async Task<HashSet<string>> ListScoredAsync()
    {
        var scored = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var blob in storage.Results.GetBlobsAsync(new GetBlobsOptions { Prefix = "scans/" }))
        {
            if (blob.Name.EndsWith("/result.json", StringComparison.Ordinal))
            {
                scored.Add(blob.Name.Split('/')[1]);
            }
        }

        return scored;
    }

    private static TimeSpan ProcessCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private async Task<int> WaitForResultsAsync(IReadOnlyList<string> ids, TimeSpan timeout)
    {
        var pending = ids.ToHashSet();
        var deadline = Stopwatch.StartNew();
        while (pending.Count > 0 && deadline.Elapsed < timeout)
        {
            pending.ExceptWith(await ListScoredAsync());
            if (pending.Count > 0)
            {
                // Listing every result costs the storage (Azurite shares the cores) real work: look once a second.
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }

        return ids.Count - pending.Count;
    }

    private async Task<List<double>> MeasureGetsAsync(IReadOnlyList<string> ids, int concurrency, int requests)
    {
        var latencies = new List<double>(requests);
        await Parallel.ForEachAsync(Enumerable.Range(0, requests), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync($"/api/scans/{ids[i % ids.Count]}", ct);
            await response.Content.ReadAsByteArrayAsync(ct);
            response.EnsureSuccessStatusCode();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            lock (latencies)
            {
                latencies.Add(elapsed);
            }
        });
        return latencies;
    }

    private static double Percentile(List<double> values, double quantile)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(quantile * sorted.Count) - 1)];
    }
}

public sealed record BenchmarkReport(
    int Images,
    int Scored,
    double? BareImagesPerSecond,
    double PipelineImagesPerSecond,
    double? BareCpuMsPerImage,
    double PipelineCpuMsPerImage,
    double? StorageCpuMsPerImage,
    double StorageRequestsPerImage,
    double GetP50Ms,
    double GetP99Ms,
    int GetConcurrency,
    int GetRequests)
{
    public double? PipelineToBare => PipelineImagesPerSecond / BareImagesPerSecond;

    private static string Ms(double? value) => value is { } ms ? $"{ms:F0} ms" : "not measured";

    public override string ToString() =>
        $"""
        images uploaded at once      {Images} ({Scored} scored)
        bare scanner                 {(BareImagesPerSecond is { } bare ? $"{bare:F1} images/s" : "not measured")}
        through the pipeline         {PipelineImagesPerSecond:F1} images/s ({PipelineToBare:P0} of bare)
        processor time per image     bare {Ms(BareCpuMsPerImage)}, pipeline {PipelineCpuMsPerImage:F0} ms (this process), storage emulator {Ms(StorageCpuMsPerImage)}
        storage requests per image   {StorageRequestsPerImage:F1} (upload, blob trigger, pipeline, result polling)
        GET /api/scans/<id>          p50 {GetP50Ms:F1} ms, p99 {GetP99Ms:F1} ms ({GetRequests} requests, concurrency {GetConcurrency})
        """;
}
