namespace NCovNet.Training.Data;

/// <summary>
/// A labelled set to read: a labels CSV (or a folder holding labels.csv) or a folder of
/// class-named folders, with the name its images are reported under.
/// </summary>
public sealed record DataSource(string Name, string Location)
{
    /// <summary>Parses "name=path" or a bare path (named after its folder).</summary>
    public static DataSource Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var equals = text.IndexOf('=');
        if (equals > 0)
        {
            return new DataSource(text[..equals], Path.GetFullPath(text[(equals + 1)..]));
        }

        var full = Path.GetFullPath(text);
        var folder = File.Exists(full) ? Path.GetDirectoryName(full)! : full;
        return new DataSource(Path.GetFileName(folder.TrimEnd(Path.DirectorySeparatorChar)), full);
    }

    public override string ToString() => $"{Name}={Location}";
}
