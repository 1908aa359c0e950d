using System.Collections.Concurrent;
using NCovNet.Core.Preprocessing;
using NCovNet.Training.Data;
using NCovNet.Training.Loading;

namespace NCovNet.Training.Training;

/// <summary>
/// Validation and test images exactly as the product scores them: the full decoded image
/// through the core <see cref="Preprocessor"/>, no augmentation. Tensors are computed once and kept.
/// </summary>
public sealed class EvaluationSamples(LabeledDataset dataset, IReadOnlyList<LabeledImage> items, PreprocessingSpec spec)
{
    private readonly ConcurrentDictionary<int, float[]> _tensors = new();

    public IReadOnlyList<LabeledImage> Items { get; } = items;

    public PreprocessingSpec Spec { get; } = spec;

    public long Render(int item, Span<float> destination)
    {
        var tensor = _tensors.GetOrAdd(item, i =>
        {
            var values = new float[Spec.TensorLength];
            Preprocessor.WriteTensor(RadiographReader.Read(Items[i]), Spec, values);
            return values;
        });
        tensor.CopyTo(destination);
        return dataset.ClassIndex(Items[item]);
    }
}
