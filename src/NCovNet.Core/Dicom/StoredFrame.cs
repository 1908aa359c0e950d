using System.Buffers.Binary;
using System.Security.Cryptography;

namespace NCovNet.Core.Dicom;

/// <summary>
/// The stored sample values of one frame (before rescale, LUT or inversion), interleaved by
/// pixel and row-major, with the photometric interpretation they are expressed in.
/// </summary>
internal sealed record StoredFrame(int[] Samples, int SamplesPerPixel, string Photometric)
{
    private const int ChunkSamples = 32 * 1024;

    /// <summary>
    /// SHA-256 of the samples as little-endian bytes of the stored type (uint8, int16 or
    /// uint16), row-major: the convention of reference_pixels.csv.
    /// </summary>
    public string Sha256(int bitsAllocated)
    {
        var bytesPerSample = bitsAllocated / 8;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunk = new byte[ChunkSamples * bytesPerSample];
        for (var start = 0; start < Samples.Length; start += ChunkSamples)
        {
            var count = Math.Min(ChunkSamples, Samples.Length - start);
            for (var i = 0; i < count; i++)
            {
                var sample = Samples[start + i];
                if (bytesPerSample == 1)
                {
                    chunk[i] = (byte)sample;
                }
                else
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(chunk.AsSpan(i * 2), unchecked((ushort)sample));
                }
            }

            hash.AppendData(chunk, 0, count * bytesPerSample);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
