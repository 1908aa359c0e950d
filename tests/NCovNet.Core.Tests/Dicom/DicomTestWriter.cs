using System.Buffers.Binary;
using System.Text;

namespace NCovNet.Core.Tests.Dicom;

/// <summary>
/// Writes small DICOM datasets and files for tests: implicit or explicit VR, either byte order,
/// optional preamble + file meta, sequences of defined or undefined length. Elements are
/// written in ascending tag order, as the standard requires.
/// </summary>
internal sealed class DicomTestWriter(bool explicitVr = true, bool bigEndian = false)
{
    public const string ImplicitLittleEndian = "1.2.840.10008.1.2";
    public const string ExplicitLittleEndian = "1.2.840.10008.1.2.1";
    public const string ExplicitBigEndian = "1.2.840.10008.1.2.2";
    public const string JpegBaseline = "1.2.840.10008.1.2.4.50";

    private static readonly HashSet<string> LongLengthVrs = ["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"];

    private readonly SortedDictionary<uint, byte[]> elements = [];

    /// <summary>A writer with the encoding a transfer syntax UID implies.</summary>
    public static DicomTestWriter For(string transferSyntax) => transferSyntax switch
    {
        ImplicitLittleEndian => new DicomTestWriter(explicitVr: false),
        ExplicitBigEndian => new DicomTestWriter(bigEndian: true),
        _ => new DicomTestWriter(),
    };

    /// <summary>A monochrome image: the Image Pixel module and 16-bit (or 8-bit) Pixel Data.</summary>
    public static DicomTestWriter Monochrome(string transferSyntax, int columns, int rows, int[] values, int bitsAllocated = 16, bool signed = false, string photometric = "MONOCHROME2")
    {
        var writer = For(transferSyntax)
            .String(0x0008, 0x0060, "CS", "DX")
            .UInt16(0x0028, 0x0002, 1)
            .String(0x0028, 0x0004, "CS", photometric)
            .UInt16(0x0028, 0x0010, (ushort)rows)
            .UInt16(0x0028, 0x0011, (ushort)columns)
            .UInt16(0x0028, 0x0100, (ushort)bitsAllocated)
            .UInt16(0x0028, 0x0101, (ushort)bitsAllocated)
            .UInt16(0x0028, 0x0102, (ushort)(bitsAllocated - 1))
            .UInt16(0x0028, 0x0103, (ushort)(signed ? 1 : 0));
        return bitsAllocated == 8 ? writer.Bytes8(values) : writer.Words(0x7FE0, 0x0010, "OW", values);
    }

    public DicomTestWriter Raw(ushort group, ushort element, string vr, byte[] value)
    {
        elements[Key(group, element)] = Element(group, element, vr, value);
        return this;
    }

    public DicomTestWriter String(ushort group, ushort element, string vr, string text)
    {
        var padded = text.Length % 2 == 0 ? text : text + (vr == "UI" ? '\0' : ' ');
        return Raw(group, element, vr, Encoding.ASCII.GetBytes(padded));
    }

    public DicomTestWriter UInt16(ushort group, ushort element, params ushort[] values) =>
        Raw(group, element, "US", WordBytes(values.Select(value => (int)value)));

    public DicomTestWriter Words(ushort group, ushort element, string vr, IEnumerable<int> values) =>
        Raw(group, element, vr, WordBytes(values));

    public DicomTestWriter Bytes8(int[] values)
    {
        var bytes = values.Select(value => (byte)value).ToList();
        if (bytes.Count % 2 == 1)
        {
            bytes.Add(0);
        }

        return Raw(0x7FE0, 0x0010, "OB", [.. bytes]);
    }

    /// <summary>A sequence whose items are the given writers' datasets (same encoding as this writer).</summary>
    public DicomTestWriter Sequence(ushort group, ushort element, bool undefinedLength, params DicomTestWriter[] items)
    {
        var body = new List<byte>();
        foreach (var item in items)
        {
            var dataset = item.ToDataset();
            body.AddRange(Header(0xFFFE, 0xE000, undefinedLength ? uint.MaxValue : (uint)dataset.Length));
            body.AddRange(dataset);
            if (undefinedLength)
            {
                body.AddRange(Header(0xFFFE, 0xE00D, 0));
            }
        }

        if (undefinedLength)
        {
            body.AddRange(Header(0xFFFE, 0xE0DD, 0));
        }

        elements[Key(group, element)] = ElementWithLength(group, element, "SQ", undefinedLength ? uint.MaxValue : (uint)body.Count, [.. body]);
        return this;
    }

    /// <summary>Encapsulated Pixel Data: an empty Basic Offset Table, then one item per fragment.</summary>
    public DicomTestWriter Fragments(params byte[][] fragments)
    {
        var body = new List<byte>(Header(0xFFFE, 0xE000, 0));
        foreach (var fragment in fragments)
        {
            var padded = fragment.Length % 2 == 0 ? fragment : [.. fragment, 0];
            body.AddRange(Header(0xFFFE, 0xE000, (uint)padded.Length));
            body.AddRange(padded);
        }

        body.AddRange(Header(0xFFFE, 0xE0DD, 0));
        elements[Key(0x7FE0, 0x0010)] = ElementWithLength(0x7FE0, 0x0010, "OB", uint.MaxValue, [.. body]);
        return this;
    }

    public byte[] ToDataset() => [.. elements.Values.SelectMany(bytes => bytes)];

    /// <summary>A Part 10 file: 128-byte preamble, "DICM", explicit VR little endian file meta, then the dataset.</summary>
    public byte[] ToPart10File(string transferSyntax)
    {
        var meta = new DicomTestWriter()
            .Raw(0x0002, 0x0001, "OB", [0, 1])
            .String(0x0002, 0x0002, "UI", "1.2.840.10008.5.1.4.1.1.1.1")
            .String(0x0002, 0x0003, "UI", "1.2.3.4.5.6.7")
            .String(0x0002, 0x0010, "UI", transferSyntax)
            .ToDataset();
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)meta.Length);
        var groupLength = new DicomTestWriter().Raw(0x0002, 0x0000, "UL", length).ToDataset();
        return [.. new byte[128], .. "DICM"u8.ToArray(), .. groupLength, .. meta, .. ToDataset()];
    }

    private static uint Key(ushort group, ushort element) => ((uint)group << 16) | element;

    private byte[] Element(ushort group, ushort element, string vr, byte[] value) =>
        ElementWithLength(group, element, vr, (uint)value.Length, value);

    private byte[] ElementWithLength(ushort group, ushort element, string vr, uint length, byte[] value)
    {
        var header = new List<byte>(Tag(group, element));
        if (!explicitVr)
        {
            header.AddRange(UInt32Bytes(length));
        }
        else if (LongLengthVrs.Contains(vr))
        {
            header.AddRange(Encoding.ASCII.GetBytes(vr));
            header.AddRange([0, 0]);
            header.AddRange(UInt32Bytes(length));
        }
        else
        {
            header.AddRange(Encoding.ASCII.GetBytes(vr));
            header.AddRange(UInt16Bytes((ushort)length));
        }

        return [.. header, .. value];
    }

    private byte[] Header(ushort group, ushort element, uint length) => [.. Tag(group, element), .. UInt32Bytes(length)];

    private byte[] Tag(ushort group, ushort element) => [.. UInt16Bytes(group), .. UInt16Bytes(element)];

    private byte[] WordBytes(IEnumerable<int> values) => [.. values.SelectMany(value => UInt16Bytes(unchecked((ushort)value)))];

    private byte[] UInt16Bytes(ushort value)
    {
        var bytes = new byte[2];
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        }

        return bytes;
    }

    private byte[] UInt32Bytes(uint value)
    {
        var bytes = new byte[4];
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        }

        return bytes;
    }
}
