using NCovNet.Core.Tests.TestData;
using System.Globalization;
using NCovNet.Tests;

namespace NCovNet.Core.Tests.Dicom;

/// <summary>One row of ../shared/data/dicom/manifest.csv: a file's headers as read by pydicom and dcmtk.</summary>
public sealed record DicomManifestEntry(
    string File,
    string Category,
    string Modality,
    string ViewPosition,
    string TransferSyntaxUid,
    string TransferSyntaxName,
    int? Rows,
    int? Columns,
    int? Frames,
    int? BitsAllocated,
    int? BitsStored,
    string Photometric,
    string Compression,
    string HeaderSource)
{
    private static readonly Lazy<IReadOnlyList<DicomManifestEntry>> Entries = new(Load);

    public static IReadOnlyList<DicomManifestEntry> All => Entries.Value;

    public static DicomManifestEntry For(string file) => All.Single(entry => entry.File == file);

    public byte[] ReadBytes() => System.IO.File.ReadAllBytes(SharedData.DicomFile(File));

    public override string ToString() => File;

    private static IReadOnlyList<DicomManifestEntry> Load() =>
        CsvFile.Read(SharedData.DicomManifest)
            .Select(row => new DicomManifestEntry(
                row["file"],
                row["category"],
                row["modality"],
                row["view_position"],
                row["transfer_syntax_uid"],
                row["transfer_syntax_name"],
                Number(row["rows"]),
                Number(row["cols"]),
                Number(row["frames"]),
                Number(row["bits_allocated"]),
                Number(row["bits_stored"]),
                row["photometric"],
                row["compression"],
                row["header_source"]))
            .ToArray();

    private static int? Number(string text) =>
        text.Length == 0 ? null : int.Parse(text, CultureInfo.InvariantCulture);
}
