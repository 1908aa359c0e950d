using System.Text.Json.Nodes;
using NCovNet.Infra.Tests.Bicep;

namespace NCovNet.Infra.Tests.Azd;

/// <summary>main.parameters.json (azd substitutes ${VAR}) and the .bicepparam sets agree with main.bicep.</summary>
public sealed class MainParametersTests
{
    private readonly ArmTemplate _main = CompiledInfra.Instance.Main;

    private readonly JsonObject _azdParameters =
        JsonNode.Parse(File.ReadAllText(InfraFiles.MainParameters))!["parameters"]!.AsObject();

    [Fact]
    public void AzdParameters_NameOnlyDeclaredParameters()
    {
        Assert.All(_azdParameters, p => Assert.True(_main.DeclaredParameters.ContainsKey(p.Key), $"main.bicep declares no '{p.Key}'."));
    }

    [Fact]
    public void AzdParameters_GiveEveryRequiredParameter()
    {
        var required = _main.DeclaredParameters.Where(p => p.Value!["defaultValue"] is null).Select(p => p.Key).ToList();

        Assert.Equal(["environmentName", "location"], required);
        Assert.All(required, name => Assert.True(_azdParameters.ContainsKey(name), $"main.parameters.json lacks '{name}'."));
    }

    [Fact]
    public void AzdParameters_DeployTheImageAzdBuilt()
    {
        Assert.StartsWith("${SERVICE_FUNCTIONS_IMAGE_NAME=", (string?)_azdParameters["containerImage"]!["value"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("params/gpu", "gpu-container-apps")]
    [InlineData("params/flex", "flex-consumption")]
    public void ParameterSet_SelectsItsHostingPlan(string name, string plan)
    {
        var values = CompiledInfra.Instance.Parameters[name]["parameters"]!;

        Assert.Equal(plan, (string?)values["hostingPlan"]!["value"]);
    }
}
