namespace NCovNet.Cli.Tests;

/// <summary>A temporary folder outside the repository (real images are copied only here, never into the repo).</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("ncovnet-cli-").FullName;

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Copies <paramref name="source"/> to <paramref name="relative"/> under this folder and returns the new path.</summary>
    public string Copy(string source, string relative)
    {
        var target = Combine(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        File.Copy(source, target);
        return target;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
