using System.Text.Json.Nodes;
using NCovNet.Infra.Tests.Bicep;

namespace NCovNet.Infra.Tests.Templates;

public sealed class FlexConsumptionTemplateTests
{
    private readonly ArmTemplate _main = CompiledInfra.Instance.Main;

    private JsonNode Site => _main.Single("Microsoft.Web/sites").Properties!;

    [Fact]
    public void Plan_IsFlexConsumption()
    {
        var sku = _main.Single("Microsoft.Web/serverfarms").Json["sku"]!;

        Assert.Equal("FC1", (string?)sku["name"]);
        Assert.Equal("FlexConsumption", (string?)sku["tier"]);
    }

    [Fact]
    public void Site_RunsDotnetIsolated10()
    {
        var runtime = Site["functionAppConfig"]!["runtime"]!;

        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        Assert.Equal("10.0", (string?)runtime["version"]);
    }

    [Fact]
    public void Site_IsHttpsOnlyWithTls12AndNoPublishingCredentials()
    {
        Assert.True((bool)Site["httpsOnly"]!);
        Assert.Equal("1.2", (string?)Site["siteConfig"]!["minTlsVersion"]);
        Assert.Equal("Disabled", (string?)Site["siteConfig"]!["ftpsState"]);
        var policies = _main.ResourcesOfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies");
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.False((bool)p.Properties!["allow"]!));
    }

    [Fact]
    public void DeploymentPackage_IsReadWithTheManagedIdentity()
    {
        var authentication = Site["functionAppConfig"]!["deployment"]!["storage"]!["authentication"]!;

        Assert.Equal("UserAssignedIdentity", (string?)authentication["type"]);
        Assert.Equal("[parameters('identityId')]", (string?)authentication["userAssignedIdentityResourceId"]);
    }
}
