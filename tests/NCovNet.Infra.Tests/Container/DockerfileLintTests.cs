using System.Diagnostics;
using NCovNet.Infra.Tests.Bicep;
using NCovNet.Tests;

namespace NCovNet.Infra.Tests.Container;

/// <summary>The Dockerfile passes dockerfile-utils (the validator behind VS Code's Dockerfile support; from npm ci).</summary>
public sealed class DockerfileLintTests
{

    [Fact]
    public void Dockerfile_HasNoLintDiagnostics()
    {
        var (exitCode, output) = Lint(InfraFiles.Dockerfile);

        Assert.True(exitCode == 0 && output.Length == 0, output);
    }

    [Fact]
    public void Linter_RejectsAnInvalidInstruction()
    {
        var broken = Path.Combine(Directory.CreateTempSubdirectory("ncovnet-docker-").FullName, "Dockerfile");
        try
        {
            File.WriteAllText(broken, File.ReadAllText(InfraFiles.Dockerfile).Replace("EXPOSE 8080", "EXPOSE http", StringComparison.Ordinal));

            var (exitCode, output) = Lint(broken);

            Assert.NotEqual(0, exitCode);
            Assert.Contains("Invalid containerPort: http", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(broken)!, recursive: true);
        }
    }

    private static (int ExitCode, string Output) Lint(string dockerfile)
    {
        var start = new ProcessStartInfo(NodePackages.Bin("dockerfile-utils"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("lint");
        start.ArgumentList.Add(dockerfile);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, (output.GetAwaiter().GetResult() + error).Trim());
    }
}
