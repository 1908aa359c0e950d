namespace NCovNet.Training.Loading;

/// <summary>A batch of NCHW float images (Count x 3 x H x W, row-major) with their class indices.</summary>
public sealed record Batch(float[] Pixels, long[] Labels, int[] ItemIndices, int Height, int Width)
{
    public int Count => Labels.Length;
}
