using System.Buffers.Binary;
using System.Text;

namespace NCovNet.Pipeline.Tests.Fixtures;

/// <summary>
/// Finds the values of the patient module's identifying tags in a DICOM file's bytes, so tests
/// can prove none of them reach results or logs. Written apart from the decoder on purpose: it
/// scans the raw bytes for the tags in little-endian (explicit or implicit VR) and explicit VR
/// big-endian encodings, trying every occurrence until one parses as a printable name, id or
/// date. Values shorter than 3 characters, or made of separators only, are ignored (they
/// would match anything).
/// </summary>
public static class DicomPatientTags
{
    // (0010,0010) PatientName, (0010,0020) PatientID, (0010,0030) PatientBirthDate.
    private static readonly ushort[] Elements = [0x0010, 0x0020, 0x0030];

    public static IReadOnlyList<string> Values(byte[] dicom)
    {
        var values = new List<string>();
        foreach (var element in Elements)
        {
            if ((Find(dicom, element, bigEndian: false) ?? Find(dicom, element, bigEndian: true)) is { } value)
            {
                values.Add(value);
            }
        }

        return values;
    }

    private static string? Find(byte[] dicom, ushort element, bool bigEndian)
    {
        var tag = new byte[4];
        Write(tag.AsSpan(0, 2), 0x0010, bigEndian);
        Write(tag.AsSpan(2, 2), element, bigEndian);
        for (var at = dicom.AsSpan().IndexOf(tag); at >= 0 && at + 8 <= dicom.Length; at = Next(dicom, tag, at))
        {
            var vr = Encoding.ASCII.GetString(dicom, at + 4, 2);
            int length;
            if (vr is "PN" or "LO" or "DA")
            {
                length = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(dicom.AsSpan(at + 6)) : BinaryPrimitives.ReadUInt16LittleEndian(dicom.AsSpan(at + 6));
            }
            else if (!bigEndian)
            {
                length = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(dicom.AsSpan(at + 4)), int.MaxValue);
            }
            else
            {
                continue; // big-endian files are always explicit VR: this occurrence is pixel data
            }

            if (length is <= 0 or > 64 || at + 8 + length > dicom.Length)
            {
                continue;
            }

            var value = Encoding.ASCII.GetString(dicom, at + 8, length).Trim(' ', '\0');
            if (value.Length >= 3 && value.All(c => char.IsAsciiLetterOrDigit(c) || " ^-.,'".Contains(c)) && value.Any(char.IsAsciiLetterOrDigit))
            {
                return value;
            }
        }

        return null;
    }

    private static int Next(byte[] dicom, byte[] tag, int at)
    {
        var next = dicom.AsSpan(at + 1).IndexOf(tag);
        return next < 0 ? -1 : at + 1 + next;
    }

    private static void Write(Span<byte> destination, ushort value, bool bigEndian)
    {
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(destination, value);
        }
    }
}
