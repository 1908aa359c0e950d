using System.Buffers.Binary;

namespace NCovNet.Core.Dicom;

/// <summary>
/// Recognises DICOM bytes: the Part 10 preamble ("DICM" at byte 128), or a file that starts
/// directly with a plausible first element (no preamble, as in ACR-NEMA style files), and
/// guesses the encoding of a dataset that has no transfer syntax.
/// </summary>
internal static class DicomSniffer
{
    public const int PreambleLength = 132;

    public static bool HasPreamble(ReadOnlySpan<byte> data) =>
        data.Length >= PreambleLength && data[128] == (byte)'D' && data[129] == (byte)'I' && data[130] == (byte)'C' && data[131] == (byte)'M';

    /// <summary>
    /// True when the bytes open with a little endian element of group 0002 (file meta) or 0008
    /// (identification, the first group of every image) whose header and length fit the data.
    /// PNG (0x89 'P') and JPEG (0xFF 0xD8) can never match the group bytes.
    /// </summary>
    public static bool StartsWithElement(ReadOnlySpan<byte> data)
    {
        if (data.Length < 8)
        {
            return false;
        }

        var group = BinaryPrimitives.ReadUInt16LittleEndian(data);
        if (group is not (0x0002 or 0x0008))
        {
            return false;
        }

        if (DicomVr.TryParse(data[4], data[5], out var vr))
        {
            return vr.HasLongLength
                ? data.Length >= 12 && data[6] == 0 && data[7] == 0 && FitsOrUndefined(BinaryPrimitives.ReadUInt32LittleEndian(data[8..]), 12, data.Length)
                : 8 + BinaryPrimitives.ReadUInt16LittleEndian(data[6..]) <= data.Length;
        }

        return FitsOrUndefined(BinaryPrimitives.ReadUInt32LittleEndian(data[4..]), 8, data.Length);
    }

    /// <summary>The transfer syntax a dataset without one most likely uses, judged from its first element.</summary>
    public static TransferSyntax GuessSyntax(ReadOnlySpan<byte> dataset)
    {
        if (dataset.Length < 6)
        {
            return TransferSyntax.ImplicitVrLittleEndian;
        }

        var explicitVr = DicomVr.TryParse(dataset[4], dataset[5], out _);
        var bigEndian = dataset[0] == 0 && dataset[1] != 0;
        return (explicitVr, bigEndian) switch
        {
            (true, true) => TransferSyntax.ExplicitVrBigEndian,
            (true, false) => TransferSyntax.ExplicitVrLittleEndian,
            _ => TransferSyntax.ImplicitVrLittleEndian,
        };
    }

    private static bool FitsOrUndefined(uint length, int headerLength, int available) =>
        length == 0xFFFFFFFF || headerLength + (long)length <= available;
}
