namespace NCovNet.Tests;

/// <summary>
/// The one catalogue of real test data. Data lives in ../shared next to the repository
/// (or NCOVNET_SHARED_DIR) and is never copied into it. Missing data is a test failure,
/// never a skip: CI must prove the features on real files.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The repository root (the folder holding NCovNet.Functions.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SharedDir => Root.Value;

    public static string Cxr => Existing(Path.Combine(SharedDir, "data", "cxr"));

    public static string CxrLabels => Existing(Path.Combine(Cxr, "labels.csv"));

    public static string CxrNih => Existing(Path.Combine(SharedDir, "data", "cxr-nih"));

    public static string CxrNihLabels => Existing(Path.Combine(CxrNih, "labels.csv"));

    public static string Dicom => Existing(Path.Combine(SharedDir, "data", "dicom"));

    public static string DicomManifest => Existing(Path.Combine(Dicom, "manifest.csv"));

    public static string DicomReferencePixels => Existing(Path.Combine(Dicom, "reference_pixels.csv"));

    public static string CxrImage(string relative) => Existing(Path.Combine(Cxr, relative));

    public static string DicomFile(string relative) => Existing(Path.Combine(Dicom, relative));

    private static string Existing(string path) =>
        File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new FileNotFoundException($"Test data '{path}' is missing. Tests read real data from ../shared (or NCOVNET_SHARED_DIR).", path);

    private static string FindRoot()
    {
        var fromEnv = Environment.GetEnvironmentVariable("NCOVNET_SHARED_DIR");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return Existing(fromEnv);
        }

        return Existing(Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared")));
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NCovNet.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No NCovNet.Functions.sln above {AppContext.BaseDirectory}.");
    }
}
