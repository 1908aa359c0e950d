using System.IO.Compression;
using NCovNet.Core.Imaging;

namespace NCovNet.Core.Dicom;

/// <summary>Inflates the raw deflate stream that follows the file meta in Deflated Explicit VR Little Endian files.</summary>
internal static class DeflatedDataset
{
    /// <summary>The inflated dataset; more than <see cref="DecodeLimits.MaxBytes"/> of output is refused (deflate bomb).</summary>
    public static byte[] Inflate(byte[] data, int start, DecodeLimits limits)
    {
        using var input = new MemoryStream(data, start, data.Length - start, writable: false);
        using var inflater = new DeflateStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        try
        {
            int read;
            while ((read = inflater.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > limits.MaxBytes)
                {
                    throw new RadiographDecodeException(DecodeErrorCode.TooManyBytes, $"The deflated DICOM dataset inflates to more than {limits.MaxBytes} bytes.");
                }

                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException e)
        {
            throw DicomErrors.Malformed("the deflated dataset is not a valid deflate stream", e);
        }

        return output.ToArray();
    }
}
