using NCovNet.Training.Data;
using NCovNet.Training.Loading;

namespace NCovNet.Training.Training;

/// <summary>
/// The train and val splits of the run's data sources, with the balance rule applied: per-image
/// sampling weights (each epoch draws its images by weight) or per-image weights in the loss.
/// </summary>
public sealed class TrainingData
{
    private readonly TrainingOptions _options;
    private readonly double[] _sampleWeights;

    private TrainingData(TrainingOptions options, LabeledDataset dataset)
    {
        _options = options;
        Dataset = dataset;
        Train = dataset.Split("train");
        Val = dataset.Split("val");
        if (Train.Count == 0 || Val.Count == 0)
        {
            throw new DatasetException($"Training needs a train and a val split; the data has {Train.Count} train and {Val.Count} val images.");
        }

        _sampleWeights = SampleWeights.Compute(Train, options.BalanceBySampling ? options.Balance : BalanceMode.None);
        ItemLossWeights = options.BalanceBySampling || options.Balance == BalanceMode.None
            ? null
            : [.. SampleWeights.Compute(Train, options.Balance).Select(w => w * Train.Count)];
    }

    public LabeledDataset Dataset { get; }

    public IReadOnlyList<LabeledImage> Train { get; }

    public IReadOnlyList<LabeledImage> Val { get; }

    /// <summary>
    /// Balancing by loss: each train image's weight in the cross-entropy (mean 1), the same
    /// balance rule as the sampling weights (class, or class and source); null when balancing by sampling.
    /// </summary>
    public double[]? ItemLossWeights { get; }

    public int EpochSize => _options.EpochSize > 0 ? _options.EpochSize : Train.Count;

    public static TrainingData Load(TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Data.Count == 0)
        {
            throw new DatasetException("No data: pass --data name=path (several allowed) or set \"data\" in the config.");
        }

        return new TrainingData(options, LabeledDataset.Load(options.Data.Select(DataSource.Parse), options.Classes));
    }

    /// <summary>The train items an epoch visits, in order; a pure function of the seed and the epoch.</summary>
    public int[] EpochOrder(int epoch)
    {
        var random = new Random(SeedMixer.Mix(_options.Seed, epoch, -1));
        return _options.BalanceBySampling && _options.Balance != BalanceMode.None
            ? WeightedSampler.Draw(_sampleWeights, EpochSize, random)
            : Reshuffled(Train.Count, EpochSize, random);
    }

    /// <summary>Shuffles of the whole split one after another, cut at the epoch size: every image once before any twice.</summary>
    private static int[] Reshuffled(int count, int size, Random random)
    {
        var order = new List<int>(size);
        while (order.Count < size)
        {
            order.AddRange(WeightedSampler.Shuffle(count, random).Take(size - order.Count));
        }

        return [.. order];
    }
}
