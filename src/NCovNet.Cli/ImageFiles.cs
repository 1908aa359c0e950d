namespace NCovNet.Cli;

/// <summary>Expands the paths given on the command line into image files: files as given, folders searched recursively.</summary>
public static class ImageFiles
{
    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg", ".dcm", ".dicom"];

    /// <summary>The files, in a stable order, or null with the first path that does not exist.</summary>
    public static IReadOnlyList<string>? Expand(IEnumerable<string> paths, out string? missing)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                missing = path;
                return null;
            }
        }

        missing = null;
        return files;
    }
}
