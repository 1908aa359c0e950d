using System.Buffers.Binary;
using System.Security.Cryptography;

namespace NCovNet.Core.Imaging;

/// <summary>
/// SHA-256 over stored samples fed row by row: 8-bit samples as bytes, 16-bit samples as
/// little-endian byte pairs (the convention of <see cref="ImageMetadata.PixelSha256"/>).
/// </summary>
internal sealed class StoredSampleHash : IDisposable
{
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[] _littleEndian = [];

    public void Append(ReadOnlySpan<byte> samples) => _sha256.AppendData(samples);

    public void Append(ReadOnlySpan<ushort> samples)
    {
        if (_littleEndian.Length < samples.Length * 2)
        {
            _littleEndian = new byte[samples.Length * 2];
        }

        var bytes = _littleEndian.AsSpan(0, samples.Length * 2);
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes[(2 * i)..], samples[i]);
        }

        _sha256.AppendData(bytes);
    }

    public string Finish() => Convert.ToHexStringLower(_sha256.GetHashAndReset());

    public void Dispose() => _sha256.Dispose();
}
