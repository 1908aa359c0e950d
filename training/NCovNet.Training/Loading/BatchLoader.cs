using System.Threading.Channels;

namespace NCovNet.Training.Loading;

/// <summary>
/// Bounded producer/consumer: a background task renders the next batches (items in parallel)
/// while the caller trains on the current one. At most <c>prefetch</c> batches wait in memory.
/// </summary>
public sealed class BatchLoader(int batchSize, int prefetch, int workers)
{
    public int BatchSize { get; } = batchSize > 0 ? batchSize : throw new ArgumentOutOfRangeException(nameof(batchSize));

    /// <param name="order">Item indices in the order the epoch visits them.</param>
    /// <param name="render">Writes the tensor of an item (index, position in the epoch) into the span and returns its class index.</param>
    public IEnumerable<Batch> Load(IReadOnlyList<int> order, int height, int width, Func<int, int, Span<float>, long> render, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(render);
        var channel = Channel.CreateBounded<Batch>(new BoundedChannelOptions(Math.Max(1, prefetch)) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var producer = Task.Run(() => Produce(order, height, width, render, channel.Writer, stop.Token), stop.Token);
        try
        {
            while (Next(channel.Reader, stop.Token) is { } batch)
            {
                yield return batch;
            }
        }
        finally
        {
            stop.Cancel();
            try
            {
                producer.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // Cancelled because the consumer stopped early; a failure already reached it through the channel.
            }
        }
    }

    /// <summary>The next batch, or null when all were read or the caller cancelled (Ctrl-C); a producer failure is rethrown.</summary>
    private static Batch? Next(ChannelReader<Batch> reader, CancellationToken cancel)
    {
        try
        {
            return reader.WaitToReadAsync(cancel).AsTask().GetAwaiter().GetResult() && reader.TryRead(out var batch) ? batch : null;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task Produce(IReadOnlyList<int> order, int height, int width, Func<int, int, Span<float>, long> render, ChannelWriter<Batch> writer, CancellationToken cancel)
    {
        var tensorLength = 3 * height * width;
        try
        {
            for (var start = 0; start < order.Count; start += BatchSize)
            {
                var count = Math.Min(BatchSize, order.Count - start);
                var pixels = new float[count * tensorLength];
                var labels = new long[count];
                var items = new int[count];
                var first = start;
                Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers), CancellationToken = cancel }, k =>
                {
                    items[k] = order[first + k];
                    labels[k] = render(items[k], first + k, pixels.AsSpan(k * tensorLength, tensorLength));
                });
                await writer.WriteAsync(new Batch(pixels, labels, items, height, width), cancel);
            }

            writer.Complete();
        }
        catch (Exception e)
        {
            // Parallel.For wraps a render failure (e.g. an undecodable image); pass on the typed error itself.
            writer.Complete(e is AggregateException { InnerExceptions.Count: 1 } single ? single.InnerExceptions[0] : e);
        }
    }
}
