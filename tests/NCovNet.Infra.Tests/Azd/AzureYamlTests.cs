using NCovNet.Infra.Tests.Bicep;
using NCovNet.Tests;
using YamlDotNet.RepresentationModel;

namespace NCovNet.Infra.Tests.Azd;

/// <summary>`azd up` provisions infra/main.bicep, builds the Dockerfile and runs the Event Grid step.</summary>
public sealed class AzureYamlTests
{
    private readonly YamlMappingNode _root = Load();

    private YamlMappingNode Service => Mapping(Mapping(_root, "services"), "functions");

    [Fact]
    public void Infra_PointsAtMainBicep()
    {
        var infra = Mapping(_root, "infra");

        Assert.Equal("bicep", Scalar(infra, "provider"));
        Assert.True(File.Exists(Path.Combine(SharedData.RepoRoot, Scalar(infra, "path"), Scalar(infra, "module") + ".bicep")));
    }

    [Fact]
    public void Service_IsTheContainerAppTaggedInTheTemplate()
    {
        Assert.Equal("containerapp", Scalar(Service, "host"));
        var tags = (string?)CompiledInfra.Instance.Main.Single("Microsoft.App/containerApps").Json["tags"];
        Assert.Contains("'azd-service-name', 'functions'", tags, StringComparison.Ordinal);
    }

    [Fact]
    public void Service_BuildsTheRootDockerfileFromTheRepositoryRoot()
    {
        var project = Path.Combine(SharedData.RepoRoot, Scalar(Service, "project"));
        var docker = Mapping(Service, "docker");

        Assert.Equal(Path.Combine(SharedData.RepoRoot, "src", "NCovNet.Functions"), Path.GetFullPath(project));
        Assert.Equal(InfraFiles.Dockerfile, Path.GetFullPath(Path.Combine(project, Scalar(docker, "path"))));
        Assert.Equal(SharedData.RepoRoot.TrimEnd('/'), Path.GetFullPath(Path.Combine(project, Scalar(docker, "context"))).TrimEnd('/'));
    }

    [Fact]
    public void PostDeployHook_RunsTheEventGridSubscriptionScript()
    {
        var run = Scalar(Mapping(Mapping(Mapping(_root, "hooks"), "postdeploy"), "posix"), "run");

        Assert.Equal("bash ./infra/scripts/subscribe-blob-events.sh", run);
        Assert.True(File.Exists(InfraFiles.SubscribeScript));
    }

    private static YamlMappingNode Load()
    {
        using var reader = new StreamReader(InfraFiles.AzureYaml);
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlMappingNode Mapping(YamlMappingNode parent, string key) =>
        parent.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlMappingNode mapping
            ? mapping
            : throw new KeyNotFoundException($"azure.yaml has no mapping '{key}'.");

    private static string Scalar(YamlMappingNode parent, string key) =>
        parent.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } value }
            ? value
            : throw new KeyNotFoundException($"azure.yaml has no value '{key}'.");
}
