using NCovNet.Core.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Core.Dicom;

/// <summary>
/// Decodes an 8-bit JPEG baseline frame with ImageSharp. Only the JPEG format is registered, so
/// bytes that are not a JPEG fail instead of being sniffed as another format; the embedded size
/// is checked against Rows/Columns before pixels are allocated.
/// </summary>
internal static class JpegBaselineDecoder
{
    private static readonly Configuration JpegOnly = new(new JpegConfigurationModule());

    /// <summary>Decoded samples: gray for one sample per pixel, RGB for three (ImageSharp converts YCbCr to RGB).</summary>
    public static StoredFrame Decode(byte[] frame, ImagePixelModule module)
    {
        if (module.BitsAllocated != 8)
        {
            throw DicomErrors.Malformed($"JPEG baseline with Bits Allocated {module.BitsAllocated}");
        }

        if (frame.Length < 2 || frame[0] != 0xFF || frame[1] != 0xD8)
        {
            throw DicomErrors.Malformed("the JPEG baseline frame does not start with a JPEG SOI marker");
        }

        try
        {
            var info = Image.Identify(JpegOnly, frame, out _) ?? throw DicomErrors.Malformed("the embedded JPEG has no readable header");
            if (info.Width != module.Columns || info.Height != module.Rows)
            {
                throw DicomErrors.Malformed($"the embedded JPEG is {info.Width}x{info.Height}, the header says {module.Columns}x{module.Rows}");
            }

            return module.SamplesPerPixel == 1 ? DecodeGray(frame, module.Photometric) : DecodeRgb(frame);
        }
        // ImageSharp 2.1 fails on corrupt JPEG data with many exception types, NullReferenceException included.
        catch (Exception e) when (e is not (RadiographDecodeException or OutOfMemoryException))
        {
            throw DicomErrors.Malformed($"the embedded JPEG cannot be decoded ({e.GetType().Name})", e);
        }
    }

    private static StoredFrame DecodeGray(byte[] frame, string photometric)
    {
        using var image = Image.Load<L8>(JpegOnly, frame);
        var samples = new int[image.Width * image.Height];
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    samples[(y * rows.Width) + x] = row[x].PackedValue;
                }
            }
        });
        return new StoredFrame(samples, 1, photometric);
    }

    private static StoredFrame DecodeRgb(byte[] frame)
    {
        using var image = Image.Load<Rgb24>(JpegOnly, frame);
        var samples = new int[image.Width * image.Height * 3];
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    var index = ((y * rows.Width) + x) * 3;
                    samples[index] = row[x].R;
                    samples[index + 1] = row[x].G;
                    samples[index + 2] = row[x].B;
                }
            }
        });
        return new StoredFrame(samples, 3, "RGB");
    }
}
