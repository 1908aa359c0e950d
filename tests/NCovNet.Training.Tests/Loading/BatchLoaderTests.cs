using NCovNet.Training.Loading;

namespace NCovNet.Training.Tests.Loading;

public sealed class BatchLoaderTests
{
    [Fact]
    public void Batches_cover_the_order_in_sequence_with_a_short_last_batch()
    {
        var loader = new BatchLoader(batchSize: 4, prefetch: 2, workers: 2);
        int[] order = [9, 3, 5, 1, 0, 2, 8, 7, 6, 4];

        var batches = loader.Load(order, 2, 2, (item, position, span) =>
        {
            span.Fill(item);
            return position;
        }, CancellationToken.None).ToList();

        Assert.Equal([4, 4, 2], batches.Select(b => b.Count));
        Assert.Equal(order, batches.SelectMany(b => b.ItemIndices));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), batches.SelectMany(b => b.Labels));
        Assert.All(batches[0].Pixels.Chunk(12).Zip(order), p => Assert.All(p.First, v => Assert.Equal(p.Second, v)));
    }

    [Fact]
    public void A_failing_render_reaches_the_consumer()
    {
        var loader = new BatchLoader(2, 1, 1);

        var error = Assert.Throws<InvalidOperationException>(() => loader.Load([0, 1, 2], 1, 1, (item, _, _) => item == 2 ? throw new InvalidOperationException("bad image") : 0, CancellationToken.None).ToList());

        Assert.Equal("bad image", error.Message);
    }

    [Fact]
    public void Stopping_early_ends_the_producer()
    {
        var loader = new BatchLoader(1, 1, 1);

        var first = loader.Load(Enumerable.Range(0, 1000).ToArray(), 1, 1, (_, _, _) => 0, CancellationToken.None).First();

        Assert.Equal(1, first.Count);
    }

    [Fact]
    public void Mixed_seeds_repeat_and_differ_by_counter()
    {
        Assert.Equal(SeedMixer.Mix(42, 3, 7), SeedMixer.Mix(42, 3, 7));
        Assert.NotEqual(SeedMixer.Mix(42, 3, 7), SeedMixer.Mix(42, 3, 8));
        Assert.NotEqual(SeedMixer.Mix(42, 3, 7), SeedMixer.Mix(42, 7, 3));
    }
}
