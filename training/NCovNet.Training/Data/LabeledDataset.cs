namespace NCovNet.Training.Data;

/// <summary>
/// The images of one or more data sources with their class names in logit order. Every
/// source is checked for patient leakage between splits and for labels outside the classes.
/// </summary>
public sealed class LabeledDataset
{
    public LabeledDataset(IReadOnlyList<string> classes, IReadOnlyList<LabeledImage> images)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(images);
        if (classes.Count < 2)
        {
            throw new DatasetException("At least two classes are needed.");
        }

        var unknown = images.Select(i => i.Label).Where(l => !classes.Contains(l)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            throw new DatasetException($"Label(s) {string.Join(", ", unknown)} are not among the classes {string.Join(", ", classes)}.");
        }

        Classes = classes;
        Images = images;
    }

    /// <summary>Class names in logit order; the first is the positive class (COVID-19).</summary>
    public IReadOnlyList<string> Classes { get; }

    public string PositiveClass => Classes[0];

    public IReadOnlyList<LabeledImage> Images { get; }

    public static LabeledDataset Load(IEnumerable<DataSource> sources, IReadOnlyList<string> classes)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var images = new List<LabeledImage>();
        foreach (var source in sources)
        {
            var read = Read(source);
            PatientSplitGuard.EnsureDisjoint(read, source.Name);
            images.AddRange(read);
        }

        return new LabeledDataset(classes, images);
    }

    public int ClassIndex(LabeledImage image) => IndexOf(image.Label);

    public IReadOnlyList<LabeledImage> Split(string split) => Images.Where(i => i.Split == split).ToList();

    /// <summary>Counts per (source, split, label), for the console's data summary.</summary>
    public IEnumerable<string> Summary() => Images
        .GroupBy(i => (i.Source, i.Split, i.Label))
        .OrderBy(g => g.Key.Source, StringComparer.Ordinal).ThenBy(g => g.Key.Split, StringComparer.Ordinal).ThenBy(g => IndexOf(g.Key.Label))
        .Select(g => $"{g.Key.Source,-10} {g.Key.Split,-6} {g.Key.Label,-16} {g.Count(),5}");

    private int IndexOf(string label)
    {
        for (var i = 0; i < Classes.Count; i++)
        {
            if (Classes[i] == label)
            {
                return i;
            }
        }

        throw new DatasetException($"Label '{label}' is not among the classes.");
    }

    private static IReadOnlyList<LabeledImage> Read(DataSource source)
    {
        if (File.Exists(source.Location))
        {
            return LabelsCsvReader.Read(source.Location, source.Name);
        }

        var csv = Path.Combine(source.Location, "labels.csv");
        return File.Exists(csv) ? LabelsCsvReader.Read(csv, source.Name) : ClassFolderReader.Read(source.Location, source.Name);
    }
}
