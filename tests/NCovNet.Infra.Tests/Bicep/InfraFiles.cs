using NCovNet.Tests;

namespace NCovNet.Infra.Tests.Bicep;

/// <summary>The deployment files under test, named once.</summary>
public static class InfraFiles
{
    public static string InfraDir => Path.Combine(SharedData.RepoRoot, "infra");

    public static string BicepConfig => Path.Combine(InfraDir, "bicepconfig.json");

    public static string MainParameters => Path.Combine(InfraDir, "main.parameters.json");

    public static string SubscribeScript => Path.Combine(InfraDir, "scripts", "subscribe-blob-events.sh");

    public static string Dockerfile => Path.Combine(SharedData.RepoRoot, "Dockerfile");

    public static string DockerIgnore => Path.Combine(SharedData.RepoRoot, ".dockerignore");

    public static string AzureYaml => Path.Combine(SharedData.RepoRoot, "azure.yaml");

    public static IReadOnlyList<string> BicepFiles => Find("*.bicep");

    public static IReadOnlyList<string> ParameterFiles => Find("*.bicepparam");

    /// <summary>Glob patterns relative to the repository root, as the Bicep CLI's --pattern takes them.</summary>
    public const string BicepPattern = "infra/**/*.bicep";

    public const string ParameterPattern = "infra/**/*.bicepparam";

    public const string BicepAndParameterPattern = "infra/**/*.bicep*";

    private static string[] Find(string pattern) =>
        Directory.EnumerateFiles(InfraDir, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
}
