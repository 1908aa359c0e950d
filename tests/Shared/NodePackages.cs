using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace NCovNet.Tests;

/// <summary>
/// The repository's npm packages (Azurite, dockerfile-utils) for tests: <c>npm ci</c> at the
/// repository root when node_modules lacks them, so README's test command works on a fresh clone.
/// Test projects run in parallel processes, so the install holds a lock file and whoever gets the
/// lock second finds the packages there.
/// </summary>
public static class NodePackages
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(10);

    /// <summary>npm writes this last, once the whole install has landed.</summary>
    private static string InstalledMarker => Path.Combine(SharedData.RepoRoot, "node_modules", ".package-lock.json");

    /// <summary>A file under node_modules/.bin, installed first when missing.</summary>
    public static string Bin(string name)
    {
        EnsureInstalled();
        return Path.Combine(SharedData.RepoRoot, "node_modules", ".bin", name);
    }

    public static void EnsureInstalled()
    {
        if (File.Exists(InstalledMarker))
        {
            return;
        }

        using var installLock = AcquireLock();
        if (File.Exists(InstalledMarker))
        {
            return;
        }

        var npm = new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund"]) { WorkingDirectory = SharedData.RepoRoot };
        using var install = Process.Start(npm) ?? throw new InvalidOperationException("Could not start npm (is Node 20 installed?).");
        install.WaitForExit();
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci failed in {SharedData.RepoRoot} (exit code {install.ExitCode}).");
        }
    }

    /// <summary>An exclusive lock file per checkout, in the temp folder so the checkout stays clean.</summary>
    private static FileStream AcquireLock()
    {
        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(SharedData.RepoRoot)))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"ncovnet-npm-ci-{id}.lock");
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < LockTimeout)
            {
                Thread.Sleep(200);
            }
        }
    }
}
