using Microsoft.ML.OnnxRuntime;

namespace NCovNet.Core.Inference;

/// <summary>
/// Input and output buffers for one Run of <see cref="Count"/> images, allocated once and
/// pinned behind OrtValues so that a Run copies nothing on the managed side. Rented from and
/// returned to <see cref="OnnxModelSession"/>; one batch serves one Run at a time.
/// </summary>
public sealed class InferenceBatch : IDisposable
{
    private readonly float[] _input;
    private readonly float[] _logits;
    private readonly float[] _cam;

    internal InferenceBatch(ModelGeometry geometry, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Geometry = geometry;
        Count = count;
        _input = new float[count * geometry.ImageLength];
        _logits = new float[count * geometry.Classes];
        _cam = new float[count * geometry.CamLength];
        Inputs = [OrtValue.CreateTensorValueFromMemory(_input, [count, geometry.Channels, geometry.InputHeight, geometry.InputWidth])];
        Outputs =
        [
            OrtValue.CreateTensorValueFromMemory(_logits, [count, geometry.Classes]),
            OrtValue.CreateTensorValueFromMemory(_cam, [count, geometry.Classes, geometry.CamHeight, geometry.CamWidth]),
        ];
    }

    public ModelGeometry Geometry { get; }

    public int Count { get; }

    internal OrtValue[] Inputs { get; }

    /// <summary>logits then cam, in the order of <see cref="OnnxModelSession"/>'s output names.</summary>
    internal OrtValue[] Outputs { get; }

    /// <summary>Where image <paramref name="index"/>'s CHW tensor goes before the Run.</summary>
    public Span<float> Image(int index) => _input.AsSpan(Slot(index) * Geometry.ImageLength, Geometry.ImageLength);

    /// <summary>Image <paramref name="index"/>'s outputs, copied, with its share of the Run's time.</summary>
    public ImageOutputs CopyOutputs(int index, double inferenceMs) =>
        new(
            Geometry,
            _logits.AsSpan(Slot(index) * Geometry.Classes, Geometry.Classes),
            _cam.AsSpan(Slot(index) * Geometry.CamLength, Geometry.CamLength),
            inferenceMs);

    public void Dispose()
    {
        foreach (var value in Inputs.Concat(Outputs))
        {
            value.Dispose();
        }
    }

    private int Slot(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return index;
    }
}
