using System.Buffers;
using NCovNet.Core.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Core.Preprocessing;

/// <summary>
/// Turns a gray radiograph into the model's NCHW float tensor as a <see cref="PreprocessingSpec"/>
/// says: bilinear resize to the spec size first (<see cref="BilinearResizer"/>), then the colour
/// map (OpenCV JET, interpolated between entries so 16-bit intensities keep their range; or
/// gray to 3 channels), then (x - mean) / std per channel, planes in the spec's channel order.
/// </summary>
public static class Preprocessor
{
    /// <summary>Writes 3 x H x W floats for one image into <paramref name="destination"/>.</summary>
    public static void WriteTensor(GrayImage image, PreprocessingSpec spec, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        EnsureServable(spec);
        if (destination.Length < spec.TensorLength)
        {
            throw new ArgumentException($"Destination holds {destination.Length} floats; {spec.TensorLength} are needed.", nameof(destination));
        }

        var plane = spec.Width * spec.Height;
        var resized = ArrayPool<float>.Shared.Rent(plane);
        try
        {
            BilinearResizer.Resize(image, spec.Width, spec.Height, resized);
            var tables = NormalizedChannelTables.For(spec).Channels;
            MapToPlanes(resized.AsSpan(0, plane), tables[0], tables[1], tables[2], destination[..(3 * plane)]);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(resized);
        }
    }

    /// <summary>Writes image <paramref name="index"/> of a batch at offset index x <see cref="PreprocessingSpec.TensorLength"/> of an NCHW batch buffer.</summary>
    public static void WriteBatchItem(GrayImage image, PreprocessingSpec spec, Span<float> batch, int index)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var offset = (long)index * spec.TensorLength;
        if (offset + spec.TensorLength > batch.Length)
        {
            throw new ArgumentException($"A batch of {batch.Length} floats has no room for image {index} ({spec.TensorLength} floats each).", nameof(batch));
        }

        WriteTensor(image, spec, batch.Slice((int)offset, spec.TensorLength));
    }

    /// <summary>
    /// The resized, colour-mapped image the tensor is made from (before normalisation), as 8-bit
    /// RGB: for looking at what the model sees and for heatmap overlays.
    /// </summary>
    public static Image<Rgb24> RenderColorMapped(GrayImage image, PreprocessingSpec spec)
    {
        ArgumentNullException.ThrowIfNull(image);
        EnsureServable(spec);
        var resized = new float[spec.Width * spec.Height];
        BilinearResizer.Resize(image, spec.Width, spec.Height, resized);
        var jet = spec.ColorMap == "jet";
        var rendered = new Image<Rgb24>(spec.Width, spec.Height);
        rendered.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                var values = resized.AsSpan(y * rows.Width, rows.Width);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = jet ? JetColorMap.MapToRgb24(values[x]) : Gray(values[x]);
                }
            }
        });
        return rendered;
    }

    private static Rgb24 Gray(float intensity)
    {
        var value = (byte)MathF.Round(Math.Clamp(intensity, 0f, 1f) * 255f);
        return new Rgb24(value, value, value);
    }

    private static void MapToPlanes(ReadOnlySpan<float> intensities, float[] first, float[] second, float[] third, Span<float> planes)
    {
        var count = intensities.Length;
        var plane0 = planes[..count];
        var plane1 = planes.Slice(count, count);
        var plane2 = planes.Slice(2 * count, count);
        for (var i = 0; i < count; i++)
        {
            var position = Math.Clamp(intensities[i], 0f, 1f) * 255f;
            var entry = Math.Min((int)position, 254);
            var fraction = position - entry;
            plane0[i] = first[entry] + ((first[entry + 1] - first[entry]) * fraction);
            plane1[i] = second[entry] + ((second[entry + 1] - second[entry]) * fraction);
            plane2[i] = third[entry] + ((third[entry + 1] - third[entry]) * fraction);
        }
    }

    private static void EnsureServable(PreprocessingSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var problems = spec.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"The preprocessing spec cannot be served: {string.Join("; ", problems)}.", nameof(spec));
        }
    }
}
