namespace NCovNet.Training.Data;

/// <summary>
/// Reads images laid out as &lt;root&gt;/&lt;split&gt;/&lt;class&gt;/*.png|jpg|jpeg|dcm. Without a
/// labels file there is no patient information, so every image is its own patient group.
/// </summary>
public static class ClassFolderReader
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg", ".dcm" };

    public static IReadOnlyList<LabeledImage> Read(string root, string sourceName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        if (!Directory.Exists(root))
        {
            throw new DatasetException($"Image folder '{root}' does not exist.");
        }

        var images = new List<LabeledImage>();
        foreach (var splitDir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var split = Path.GetFileName(splitDir);
            foreach (var classDir in Directory.GetDirectories(splitDir).Order(StringComparer.Ordinal))
            {
                var label = Path.GetFileName(classDir);
                images.AddRange(Directory.GetFiles(classDir)
                    .Where(f => Extensions.Contains(Path.GetExtension(f)))
                    .Order(StringComparer.Ordinal)
                    .Select(f => new LabeledImage(Path.GetFullPath(f), label, split, $"{split}/{label}/{Path.GetFileName(f)}", sourceName)));
            }
        }

        if (images.Count == 0)
        {
            throw new DatasetException($"'{root}' holds no <split>/<class>/ image folders.");
        }

        return images;
    }
}
