namespace NCovNet.Cli;

/// <summary>Gives every input file a distinct output stem (its file name, suffixed -2, -3... on clashes).</summary>
public sealed class OutputNames
{
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    public string StemFor(string file)
    {
        var stem = Path.GetFileNameWithoutExtension(file);
        var candidate = stem;
        for (var n = 2; !_used.Add(candidate); n++)
        {
            candidate = $"{stem}-{n}";
        }

        return candidate;
    }
}
