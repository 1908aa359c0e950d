using NCovNet.Tests;

namespace NCovNet.Core.Tests.TestData;

/// <summary>
/// One row of ../shared/data/cxr/labels.csv or cxr-nih/labels.csv: what the data set says
/// about a file (read by PIL when the set was built). Columns absent from a set are null.
/// </summary>
public sealed record LabelledImage(string Set, string Path, string Format, int Width, int Height, string? PilMode, int? BitDepth, bool? RgbButGray)
{
    private static readonly Lazy<IReadOnlyList<LabelledImage>> CxrRows = new(() => Load("cxr", SharedData.Cxr, SharedData.CxrLabels));
    private static readonly Lazy<IReadOnlyList<LabelledImage>> CxrNihRows = new(() => Load("cxr-nih", SharedData.CxrNih, SharedData.CxrNihLabels));

    public static IReadOnlyList<LabelledImage> Cxr => CxrRows.Value;

    public static IReadOnlyList<LabelledImage> CxrNih => CxrNihRows.Value;

    public static IEnumerable<LabelledImage> All => Cxr.Concat(CxrNih);

    public string FileName => System.IO.Path.GetFileName(Path);

    public override string ToString() => $"{Set}/{FileName}";

    private static List<LabelledImage> Load(string set, string folder, string labels) =>
        CsvFile.Read(labels).Select(row => new LabelledImage(
            set,
            System.IO.Path.Combine(folder, row["filename"]),
            row["format"],
            int.Parse(row["width"]),
            int.Parse(row["height"]),
            row.GetValueOrDefault("pil_mode"),
            row.TryGetValue("bit_depth", out var depth) ? int.Parse(depth) : null,
            row.TryGetValue("rgb_but_gray", out var gray) && gray.Length > 0 ? gray == "1" : null)).ToList();
}
