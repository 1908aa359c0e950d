using NCovNet.Core.Preprocessing;
using NCovNet.Training.Data;
using NCovNet.Training.Debiasing;
using NCovNet.Training.Loading;

namespace NCovNet.Training.Training;

/// <summary>
/// Training images as the debiasing dataloader serves them: cached at the working size, then
/// per (epoch, position) a freshly seeded chain of debiasing transforms, then the model's
/// colormap and normalisation through the core <see cref="Preprocessor"/>.
/// </summary>
public sealed class TrainingSamples(LabeledDataset dataset, IReadOnlyList<LabeledImage> items, DebiasingPipeline pipeline, WorkingImageCache cache, PreprocessingSpec spec, int seed)
{
    public IReadOnlyList<LabeledImage> Items { get; } = items;

    public PreprocessingSpec Spec { get; } = spec;

    public long Render(int item, int epoch, int position, Span<float> destination)
    {
        var random = new Random(SeedMixer.Mix(seed, epoch, position));
        var image = pipeline.Apply(cache.Get(Items[item]), random);
        Preprocessor.WriteTensor(image, Spec, destination);
        return dataset.ClassIndex(Items[item]);
    }
}
