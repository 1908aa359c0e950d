namespace NCovNet.Cli;

/// <summary>
/// Finds the model package: --model when given, else the bundled default package
/// (models/default next to the binary, where the build copies it, or in a folder above the
/// binary or the working directory, such as the repository root).
/// </summary>
public static class ModelLocator
{
    public static readonly string DefaultRelative = Path.Combine("models", "default");

    /// <summary>The package folder, or null with the places searched.</summary>
    public static string? Resolve(string? explicitDirectory, out IReadOnlyList<string> searched)
    {
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
        {
            searched = [explicitDirectory];
            return explicitDirectory;
        }

        return FindDefault([AppContext.BaseDirectory, Environment.CurrentDirectory], out searched);
    }

    /// <summary>The first models/default holding a model.json in or above any of <paramref name="startFolders"/>.</summary>
    public static string? FindDefault(IEnumerable<string> startFolders, out IReadOnlyList<string> searched)
    {
        var candidates = startFolders
            .SelectMany(AncestorsOf)
            .Select(dir => Path.Combine(dir, DefaultRelative))
            .Distinct()
            .ToList();
        searched = candidates;
        return candidates.FirstOrDefault(dir => File.Exists(Path.Combine(dir, "model.json")));
    }

    private static IEnumerable<string> AncestorsOf(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            yield return dir.FullName;
        }
    }
}
