using NCovNet.Core.Imaging;

namespace NCovNet.Core.Dicom;

/// <summary>A parsed DICOM file: its transfer syntax and main dataset (file meta is consumed here).</summary>
internal sealed record DicomFile(TransferSyntax Syntax, DicomDataset Dataset, IReadOnlyList<string> Notes)
{
    /// <summary>
    /// Reads a Part 10 file (preamble, "DICM", file meta) or a bare dataset. The transfer syntax
    /// is checked before the dataset is parsed, so unsupported files fail fast with its UID.
    /// </summary>
    public static DicomFile Read(byte[] data, DecodeLimits limits)
    {
        var notes = new List<string>();
        var start = DicomSniffer.HasPreamble(data) ? DicomSniffer.PreambleLength : 0;
        var datasetStart = start;
        string? uid = null;
        if (data.Length - start >= 2 && data[start] == 0x02 && data[start + 1] == 0x00)
        {
            var (meta, metaEnd) = DicomReader.ReadFileMeta(data, start, limits);
            uid = meta.GetString(DicomTags.TransferSyntaxUid);
            datasetStart = metaEnd;
        }

        var syntax = string.IsNullOrEmpty(uid) ? DicomSniffer.GuessSyntax(data.AsSpan(datasetStart)) : TransferSyntax.FromUid(uid);
        if (string.IsNullOrEmpty(uid))
        {
            notes.Add($"no transfer syntax in the file: read as {syntax.Name}");
        }

        if (!syntax.IsSupported)
        {
            throw new RadiographDecodeException(DecodeErrorCode.UnsupportedTransferSyntax, $"DICOM transfer syntax {syntax.Uid} ({syntax.Name}) is not supported.");
        }

        var dataset = syntax.Deflated
            ? DicomReader.ReadDataset(DeflatedDataset.Inflate(data, datasetStart, limits), 0, syntax.Encoding, limits)
            : DicomReader.ReadDataset(data, datasetStart, syntax.Encoding, limits);
        return new DicomFile(syntax, dataset, notes);
    }
}
