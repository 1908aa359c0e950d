using System.Buffers.Binary;
using System.Text;

namespace NCovNet.Benchmarks;

/// <summary>
/// A deterministic synthetic 16-bit DICOM radiograph: Part 10 explicit VR little endian,
/// MONOCHROME2, 12 bits stored with a window, pixels a body-like gradient with noise.
/// </summary>
public static class SyntheticDicom
{
    private const string ExplicitVrLittleEndian = "1.2.840.10008.1.2.1";

    public static byte[] Encode16(int width, int height)
    {
        using var stream = new MemoryStream();
        stream.Write(new byte[128]);
        stream.Write("DICM"u8);
        var meta = new MemoryStream();
        WriteString(meta, 0x0002, 0x0010, "UI", ExplicitVrLittleEndian);
        WriteElement(stream, 0x0002, 0x0000, "UL", UInt32(meta.Length));
        stream.Write(meta.ToArray());
        WriteString(stream, 0x0008, 0x0060, "CS", "DX");
        WriteString(stream, 0x0018, 0x5101, "CS", "PA");
        WriteElement(stream, 0x0028, 0x0002, "US", UInt16(1));
        WriteString(stream, 0x0028, 0x0004, "CS", "MONOCHROME2");
        WriteElement(stream, 0x0028, 0x0010, "US", UInt16(height));
        WriteElement(stream, 0x0028, 0x0011, "US", UInt16(width));
        WriteElement(stream, 0x0028, 0x0100, "US", UInt16(16));
        WriteElement(stream, 0x0028, 0x0101, "US", UInt16(12));
        WriteElement(stream, 0x0028, 0x0102, "US", UInt16(11));
        WriteElement(stream, 0x0028, 0x0103, "US", UInt16(0));
        WriteString(stream, 0x0028, 0x1050, "DS", "2048");
        WriteString(stream, 0x0028, 0x1051, "DS", "3500");
        WriteElement(stream, 0x7FE0, 0x0010, "OW", Pixels(width, height));
        return stream.ToArray();
    }

    private static byte[] Pixels(int width, int height)
    {
        var random = new Random(20200401);
        var bytes = new byte[width * height * 2];
        for (var y = 0; y < height; y++)
        {
            var ny = (2.0 * y / height) - 1;
            for (var x = 0; x < width; x++)
            {
                var nx = (2.0 * x / width) - 1;
                var body = Math.Max(0, 1 - ((nx * nx / 0.8) + (ny * ny / 0.95)));
                var value = ((0.15 + (0.7 * body)) * 4095) + random.Next(-40, 40);
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(((y * width) + x) * 2), (ushort)Math.Clamp(value, 0, 4095));
            }
        }

        return bytes;
    }

    private static void WriteString(Stream stream, ushort group, ushort element, string vr, string text)
    {
        var padded = text.Length % 2 == 0 ? text : text + (vr == "UI" ? '\0' : ' ');
        WriteElement(stream, group, element, vr, Encoding.ASCII.GetBytes(padded));
    }

    private static void WriteElement(Stream stream, ushort group, ushort element, string vr, byte[] value)
    {
        stream.Write(UInt16(group));
        stream.Write(UInt16(element));
        stream.Write(Encoding.ASCII.GetBytes(vr));
        if (vr is "OB" or "OW")
        {
            stream.Write(UInt16(0));
            stream.Write(UInt32(value.Length));
        }
        else
        {
            stream.Write(UInt16(value.Length));
        }

        stream.Write(value);
    }

    private static byte[] UInt16(int value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)value);
        return bytes;
    }

    private static byte[] UInt32(long value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, (uint)value);
        return bytes;
    }
}
