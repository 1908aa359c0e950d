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
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

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

        Width = width;
        _height = height;
        _channels = channels;
        _filtered = new byte[checked((width * channels) + 1)];
        _filtered[0] = SubFilter;
        _zlib = new ZLibStream(_deflated, new ZLibCompressionOptions { CompressionLevel = CompressionLevel }, leaveOpen: true);
    }

    public int Width { get; }

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
        using var file = new MemoryStream((int)_deflated.Length + 64);
        file.Write(Signature);
        WriteChunk(file, "IHDR"u8, Header(Width, _height, _channels));
        WriteChunk(file, "IDAT"u8, _deflated.GetBuffer().AsSpan(0, (int)_deflated.Length));
        WriteChunk(file, "IEND"u8, []);
        return file.ToArray();
    }

    public void Dispose()
    {
        _zlib.Dispose();
        _deflated.Dispose();
    }

    private static byte[] Header(int width, int height, int channels)
    {
        var header = new byte[13];
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

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        var crc = new Crc32();
        crc.Append(type);
        crc.Append(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, crc.GetCurrentHashAsUInt32());
        output.Write(word);
    }
}
