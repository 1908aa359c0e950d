using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Core.Imaging;

/// <summary>
/// Runs ImageSharp's PNG/JPEG decoders behind the decoder contract: headers are identified and
/// the declared size checked before any pixel buffer is allocated, and every failure becomes a
/// <see cref="RadiographDecodeException"/>.
/// </summary>
internal static class ImageSharpCodec
{
    /// <summary>Reads the header only (dimensions and format metadata) and enforces <see cref="DecodeLimits.MaxPixels"/>.</summary>
    public static IImageInfo Identify(byte[] data, IImageInfoDetector detector, string format, DecodeLimits limits)
    {
        var info = Run(format, () =>
        {
            using var stream = new MemoryStream(data, writable: false);
            return detector.Identify(Configuration.Default, stream, CancellationToken.None);
        });
        if (info is null)
        {
            throw new RadiographDecodeException(DecodeErrorCode.Malformed, $"The {format} header could not be read.");
        }

        if (info.Width <= 0 || info.Height <= 0)
        {
            throw new RadiographDecodeException(DecodeErrorCode.Malformed, $"The {format} header declares an empty image ({info.Width}x{info.Height}).");
        }

        var pixels = (long)info.Width * info.Height;
        if (pixels > limits.MaxPixels)
        {
            throw new RadiographDecodeException(
                DecodeErrorCode.TooManyPixels,
                $"The {format} header declares {info.Width}x{info.Height} = {pixels} pixels; the limit is {limits.MaxPixels}.");
        }

        return info;
    }

    public static Image<TPixel> Load<TPixel>(byte[] data, IImageDecoder decoder, string format)
        where TPixel : unmanaged, IPixel<TPixel> =>
        Run(format, () => Image.Load<TPixel>(Configuration.Default, data, decoder));

    private static T Run<T>(string format, Func<T> decode)
    {
        try
        {
            return decode();
        }
        catch (InvalidImageContentException e)
        {
            throw new RadiographDecodeException(DecodeErrorCode.Malformed, $"The {format} data is corrupt: {e.Message}", e);
        }
        catch (NotSupportedException e)
        {
            throw new RadiographDecodeException(DecodeErrorCode.UnsupportedContent, $"This {format} variant is not supported: {e.Message}", e);
        }
        catch (InvalidMemoryOperationException e)
        {
            throw new RadiographDecodeException(DecodeErrorCode.TooManyPixels, $"The {format} image needs more memory than the decoder may allocate: {e.Message}", e);
        }
        catch (EndOfStreamException e)
        {
            throw new RadiographDecodeException(DecodeErrorCode.Truncated, $"The {format} data ends early: {e.Message}", e);
        }
        catch (Exception e) when (e is ImageFormatException or ArgumentException or IndexOutOfRangeException or InvalidOperationException or OverflowException or NullReferenceException)
        {
            // ImageSharp 2.1 reports some corrupt streams with general-purpose exceptions;
            // the structure checks run first, so what reaches here is corrupt codec data.
            throw new RadiographDecodeException(DecodeErrorCode.Malformed, $"The {format} data is corrupt: {e.Message}", e);
        }
    }
}
