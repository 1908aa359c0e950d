using System.Text.Json.Nodes;
using NCovNet.Infra.Tests.Bicep;

namespace NCovNet.Infra.Tests.Templates;

public sealed class ContainerAppsTemplateTests
{
    private readonly ArmTemplate _main = CompiledInfra.Instance.Main;

    private JsonNode App => _main.Single("Microsoft.App/containerApps").Json;

    [Fact]
    public void Environment_HasTheServerlessGpuProfileNamedByParameter()
    {
        var profiles = _main.Single("Microsoft.App/managedEnvironments").Properties!["workloadProfiles"]!.AsArray();

        Assert.Contains(profiles, p => (string?)p!["name"] == "[parameters('gpuProfileName')]"
            && (string?)p["workloadProfileType"] == "[parameters('gpuProfileType')]");
        Assert.Equal("[parameters('gpuProfileName')]", (string?)_main.ModuleParameter("gpuApp", "gpuProfileName"));
        Assert.Equal("Consumption-GPU-NC8as-T4", (string?)_main.DeclaredParameters["gpuProfileType"]!["defaultValue"]);
    }

    [Fact]
    public void Environment_SendsLogsThroughAzureMonitorWithoutAWorkspaceKey()
    {
        var logs = _main.Single("Microsoft.App/managedEnvironments").Properties!["appLogsConfiguration"]!;

        Assert.Equal("azure-monitor", (string?)logs["destination"]);
        Assert.Null(logs["logAnalyticsConfiguration"]);
        Assert.Single(_main.ResourcesOfType("Microsoft.Insights/diagnosticSettings"));
    }

    [Fact]
    public void App_IsAFunctionsAppOnTheGpuProfile_ScalingToZero()
    {
        Assert.Equal("functionapp", (string?)App["kind"]);
        Assert.Equal("[parameters('gpuProfileName')]", (string?)App["properties"]!["workloadProfileName"]);
        Assert.Equal(0, (int)App["properties"]!["template"]!["scale"]!["minReplicas"]!);
    }

    [Fact]
    public void App_AcceptsOnlyHttpsAndPullsWithItsIdentity()
    {
        var configuration = App["properties"]!["configuration"]!;

        Assert.False((bool)configuration["ingress"]!["allowInsecure"]!);
        Assert.Null(configuration["secrets"]);
        var registry = Assert.Single(configuration["registries"]!.AsArray())!;
        Assert.Equal("[parameters('identityId')]", (string?)registry["identity"]);
        Assert.Null(registry["passwordSecretRef"]);
        Assert.Equal("UserAssigned", (string?)App["identity"]!["type"]);
    }

    [Fact]
    public void App_ListensOnTheIngressPortWhateverImageRuns()
    {
        var container = App["properties"]!["template"]!["containers"]![0]!;

        Assert.Equal("[variables('containerPort')]", (string?)App["properties"]!["configuration"]!["ingress"]!["targetPort"]);
        Assert.Equal(
            "[concat(parameters('appSettings'), createArray(createObject('name', 'ASPNETCORE_URLS', 'value', format('http://+:{0}', variables('containerPort')))))]",
            (string?)container["env"]);
    }

    [Fact]
    public void App_IsTaggedForAzdDeploy()
    {
        Assert.Contains("'azd-service-name', 'functions'", (string?)App["tags"], StringComparison.Ordinal);
    }
}
