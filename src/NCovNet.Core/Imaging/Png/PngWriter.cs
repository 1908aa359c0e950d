using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Numerics;

namespace NCovNet.Core.Imaging.Png;

/// <summary>
/// Writes an 8-bit gray or RGB PNG row by row, so a caller computes each row straight into the
/// encoder and no whole-image buffer exists. Every row gets the Sub filter and the IDAT stream is
/// deflated by the runtime's zlib-ng at level 2: on a 1458x1303 heatmap overlay this is 2.5-3x
/// faster than ImageSharp 2.1's managed deflater at its fastest setting, for files no larger
/// (level 1 is a little faster and a third larger; level 4 is half as fast again for 10 % less).
/// </summary>
public sealed class PngWriter : IDisposable
{
    private const int CompressionLevel = 2;
    private const byte SubFilter = 1;
    private readonly int _width;
    private readonly int _height;
    private readonly int _channels;
    private readonly byte[] _filtered;
    private readonly MemoryStream _deflated = new();
    private readonly ZLibStream _zlib;
    private int _rows;

    /// <param name="channels">1 (gray) or 3 (RGB).</param>
    public PngWriter(int width, int height, int channels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (channels is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "A PNG here is 8-bit gray (1 channel) or RGB (3).");
        }

        _width = width;
        _height = height;
        _channels = channels;
        _filtered = new byte[checked((width * channels) + 1)];
        _filtered[0] = SubFilter;
        _zlib = new ZLibStream(_deflated, new ZLibCompressionOptions { CompressionLevel = CompressionLevel }, leaveOpen: true);
    }

    /// <summary>Bytes per row: width x channels.</summary>
    public int RowLength => _filtered.Length - 1;

    /// <summary>Adds the next row, top to bottom.</summary>
    public void WriteRow(ReadOnlySpan<byte> row)
    {
        if (row.Length != RowLength)
        {
            throw new ArgumentException($"A row has {RowLength} bytes, not {row.Length}.", nameof(row));
        }

        if (_rows == _height)
        {
            throw new InvalidOperationException($"All {_height} rows are written.");
        }

        Sub(row, _filtered.AsSpan(1), _channels);
        _zlib.Write(_filtered);
        _rows++;
    }

    /// <summary>The PNG file, once every row is written.</summary>
    public byte[] ToArray()
    {
        if (_rows != _height)
        {
            throw new InvalidOperationException($"{_rows} of {_height} rows are written.");
        }

        _zlib.Dispose();
        var idat = _deflated.GetBuffer().AsSpan(0, (int)_deflated.Length);
        var file = new byte[PngStructure.Signature.Length + (3 * PngStructure.ChunkOverhead) + PngStructure.HeaderLength + idat.Length];
        PngStructure.Signature.CopyTo(file);
        var position = PngStructure.Signature.Length;
        position += WriteChunk(file.AsSpan(position), "IHDR"u8, Header(_width, _height, _channels));
        position += WriteChunk(file.AsSpan(position), "IDAT"u8, idat);
        WriteChunk(file.AsSpan(position), "IEND"u8, []);
        return file;
    }

    public void Dispose()
    {
        _zlib.Dispose();
        _deflated.Dispose();
    }

    private static byte[] Header(int width, int height, int channels)
    {
        var header = new byte[PngStructure.HeaderLength];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = (byte)(channels == 3 ? 2 : 0);
        return header;
    }

    /// <summary>Each byte minus the same channel of the pixel to its left (PNG filter type 1).</summary>
    private static void Sub(ReadOnlySpan<byte> row, Span<byte> filtered, int channels)
    {
        var split = Math.Min(channels, row.Length);
        row[..split].CopyTo(filtered);
        var i = split;
        for (; i + Vector<byte>.Count <= row.Length; i += Vector<byte>.Count)
        {
            (new Vector<byte>(row[i..]) - new Vector<byte>(row[(i - channels)..])).CopyTo(filtered[i..]);
        }

        for (; i < row.Length; i++)
        {
            filtered[i] = (byte)(row[i] - row[i - channels]);
        }
    }

    /// <summary>Writes length, type, data and CRC at the start of <paramref name="destination"/>; returns the bytes written.</summary>
    private static int WriteChunk(Span<byte> destination, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        BinaryPrimitives.WriteInt32BigEndian(destination, data.Length);
        type.CopyTo(destination[4..]);
        data.CopyTo(destination[8..]);
        var crc = new Crc32();
        crc.Append(type);
        crc.Append(data);
        BinaryPrimitives.WriteUInt32BigEndian(destination[(8 + data.Length)..], crc.GetCurrentHashAsUInt32());
        return PngStructure.ChunkOverhead + data.Length;
    }
}
