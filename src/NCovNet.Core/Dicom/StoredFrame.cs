using System.Buffers.Binary;
using System.Security.Cryptography;

namespace NCovNet.Core.Dicom;

/// <summary>
/// The stored sample values of one frame (before rescale, LUT or inversion), interleaved by
/// pixel and row-major, with the photometric interpretation they are expressed in.
/// </summary>
internal sealed record StoredFrame(int[] Samples, int SamplesPerPixel, string Photometric)
{
    /// <summary>
    /// SHA-256 of the samples as little-endian bytes of the stored type (uint8, int16 or
    /// uint16), row-major: the convention of reference_pixels.csv.
    /// </summary>
    public string Sha256(int bitsAllocated)
    {
        var bytes = new byte[Samples.Length * (bitsAllocated / 8)];
        for (var i = 0; i < Samples.Length; i++)
        {
            if (bitsAllocated == 8)
            {
                bytes[i] = (byte)Samples[i];
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), unchecked((ushort)Samples[i]));
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
