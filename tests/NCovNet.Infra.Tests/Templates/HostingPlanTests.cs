using NCovNet.Infra.Tests.Bicep;

namespace NCovNet.Infra.Tests.Templates;

/// <summary>The hostingPlan parameter deploys exactly one of the two apps (and the registry only for the image).</summary>
public sealed class HostingPlanTests
{
    private readonly ArmTemplate _main = CompiledInfra.Instance.Main;

    [Fact]
    public void HostingPlan_DefaultsToServerlessGpuAndOffersFlexConsumption()
    {
        var plan = _main.DeclaredParameters["hostingPlan"]!;

        Assert.Equal("gpu-container-apps", (string?)plan["defaultValue"]);
        Assert.Equal(["gpu-container-apps", "flex-consumption"], plan["allowedValues"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("[equals(parameters('hostingPlan'), 'gpu-container-apps')]", (string?)_main.Variables["isGpu"]);
    }

    [Theory]
    [InlineData("gpuApp", "[variables('isGpu')]")]
    [InlineData("registry", "[variables('isGpu')]")]
    [InlineData("flexApp", "[not(variables('isGpu'))]")]
    public void Module_IsDeployedOnlyForItsPlan(string module, string condition)
    {
        Assert.Equal(condition, (string?)_main.Module(module)["condition"]);
    }

    [Fact]
    public void Main_DeploysAtSubscriptionScopeIntoItsOwnResourceGroup()
    {
        Assert.Contains("subscriptionDeploymentTemplate", (string?)_main.Root["$schema"], StringComparison.Ordinal);
        var group = _main.Single("Microsoft.Resources/resourceGroups");
        Assert.Equal("[format('{0}{1}', variables('abbrs').resourcesResourceGroups, parameters('environmentName'))]", (string?)group.Json["name"]);
    }

    [Fact]
    public void Outputs_GiveTheApiContainersAndIdentity()
    {
        string[] expected =
        [
            "API_BASE_URL", "INPUT_CONTAINER", "RESULTS_CONTAINER", "DEAD_LETTER_CONTAINER", "SCAN_DEAD_LETTER_QUEUE", "TRIGGER_POISON_QUEUE",
            "AZURE_IDENTITY_ID", "AZURE_IDENTITY_CLIENT_ID", "AZURE_IDENTITY_PRINCIPAL_ID", "AZURE_CONTAINER_REGISTRY_ENDPOINT",
        ];

        Assert.All(expected, name => Assert.True(_main.Outputs.ContainsKey(name), $"No output {name}."));
        Assert.All(_main.Outputs, o => Assert.Equal("string", (string?)o.Value!["type"]));
        Assert.Contains("/api", (string?)_main.Outputs["API_BASE_URL"]!["value"], StringComparison.Ordinal);
    }
}
