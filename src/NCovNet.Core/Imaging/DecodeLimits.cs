namespace NCovNet.Core.Imaging;

/// <summary>Resource limits applied before any large allocation. Configuration, not constants.</summary>
public sealed record DecodeLimits
{
    public static DecodeLimits Default { get; } = new();

    /// <summary>Largest accepted input, in bytes (default 256 MiB).</summary>
    public long MaxBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Largest accepted declared width x height (default 50 megapixels).</summary>
    public long MaxPixels { get; init; } = 50_000_000;

    /// <summary>Deepest accepted DICOM sequence nesting.</summary>
    public int MaxSequenceDepth { get; init; } = 16;
}
