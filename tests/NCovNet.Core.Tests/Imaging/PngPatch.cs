using System.Buffers.Binary;

namespace NCovNet.Core.Tests.Imaging;

/// <summary>Edits PNG headers with valid CRCs, to build hostile files that pass the chunk checks.</summary>
public static class PngPatch
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>A copy of <paramref name="png"/> whose IHDR declares <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static byte[] WithDeclaredSize(byte[] png, uint width, uint height)
    {
        var patched = (byte[])png.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(patched.AsSpan(16), width);
        BinaryPrimitives.WriteUInt32BigEndian(patched.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(patched.AsSpan(29), Crc32(patched.AsSpan(12, 17)));
        return patched;
    }

    /// <summary>The PNG (ISO 3309) CRC-32 of a chunk's type and data.</summary>
    public static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
