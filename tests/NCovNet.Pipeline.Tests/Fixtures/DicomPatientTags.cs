using System.Text;

namespace NCovNet.Pipeline.Tests.Fixtures;

/// <summary>
/// Finds the values of the patient module's identifying tags in a DICOM file's bytes, so tests
/// can prove none of them reach results or logs. Reads explicit VR (PN/LO/DA) and implicit VR
/// little-endian encodings; values shorter than 3 characters are ignored (they match anything).
/// </summary>
public static class DicomPatientTags
{
    // (0010,0010) PatientName, (0010,0020) PatientID, (0010,0030) PatientBirthDate.
    private static readonly byte[][] Tags = [[0x10, 0x00, 0x10, 0x00], [0x10, 0x00, 0x20, 0x00], [0x10, 0x00, 0x30, 0x00]];

    public static IReadOnlyList<string> Values(byte[] dicom)
    {
        var values = new List<string>();
        foreach (var tag in Tags)
        {
            var at = dicom.AsSpan().IndexOf(tag);
            if (at < 0 || at + 12 > dicom.Length)
            {
                continue;
            }

            var vr = Encoding.ASCII.GetString(dicom, at + 4, 2);
            var (start, length) = vr is "PN" or "LO" or "DA"
                ? (at + 8, BitConverter.ToUInt16(dicom, at + 6))
                : (at + 8, (int)BitConverter.ToUInt32(dicom, at + 4));
            if (length is <= 0 or > 64 || start + length > dicom.Length)
            {
                continue;
            }

            var value = Encoding.ASCII.GetString(dicom, start, length).Trim(' ', '\0');
            if (value.Length >= 3)
            {
                values.Add(value);
            }
        }

        return values;
    }
}
