namespace NCovNet.Core.Inference;

/// <summary>One image's logits and Grad-CAM planes, copied out of a Run's batch so the batch can serve the next Run.</summary>
public sealed class ImageOutputs
{
    private readonly float[] _logits;
    private readonly float[] _cam;

    internal ImageOutputs(ModelGeometry geometry, ReadOnlySpan<float> logits, ReadOnlySpan<float> cam, double inferenceMs)
    {
        Geometry = geometry;
        _logits = logits.ToArray();
        _cam = cam.ToArray();
        InferenceMs = inferenceMs;
    }

    public ModelGeometry Geometry { get; }

    /// <summary>The image's share of its Run's wall time (the Run's time over its images).</summary>
    public double InferenceMs { get; }

    public ReadOnlySpan<float> Logits => _logits;

    /// <summary>The pre-ReLU Grad-CAM plane (CamHeight x CamWidth, row-major) of one class.</summary>
    public ReadOnlySpan<float> Cam(int classIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(classIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(classIndex, Geometry.Classes);
        return _cam.AsSpan(classIndex * Geometry.CamPlaneLength, Geometry.CamPlaneLength);
    }
}
