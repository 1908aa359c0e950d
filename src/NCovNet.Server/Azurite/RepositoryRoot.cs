namespace NCovNet.Server.Azurite;

/// <summary>Finds the checkout holding package.json (Azurite's pin) above the working or base directory.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var packageJson = Path.Combine(dir.FullName, "package.json");
                if (File.Exists(packageJson) && File.ReadAllText(packageJson).Contains("\"azurite\"", StringComparison.Ordinal))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException(
            "No package.json pinning Azurite above the current directory: run from the repository, or set AzureWebJobsStorage to use existing storage.");
    }
}
