using System.Text.Json.Nodes;
using NCovNet.Infra.Tests.Bicep;

namespace NCovNet.Infra.Tests.Templates;

/// <summary>Both hosting plans get identity-based storage settings and no key of any kind.</summary>
public sealed class AppSettingsTests
{
    private readonly ArmTemplate _main = CompiledInfra.Instance.Main;

    public static TheoryData<string> AppModules => new() { "gpuApp", "flexApp" };

    [Theory]
    [MemberData(nameof(AppModules))]
    public void HostStorage_UsesTheManagedIdentity(string module)
    {
        var settings = Settings(module);

        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("[reference('identity').outputs.clientId.value]", settings["AzureWebJobsStorage__clientId"]);
        Assert.Equal("[reference('storage').outputs.blobEndpoint.value]", settings["AzureWebJobsStorage__blobServiceUri"]);
        Assert.Equal("[reference('storage').outputs.queueEndpoint.value]", settings["AzureWebJobsStorage__queueServiceUri"]);
        Assert.False(settings.ContainsKey("AzureWebJobsStorage"), "A plain AzureWebJobsStorage setting is a connection string with a key.");
    }

    [Theory]
    [MemberData(nameof(AppModules))]
    public void Telemetry_AuthenticatesWithEntraId(string module)
    {
        var settings = Settings(module);

        Assert.Equal(
            "[format('ClientId={0};Authorization=AAD', reference('identity').outputs.clientId.value)]",
            settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        var insights = _main.Single("Microsoft.Insights/components").Properties!;
        Assert.True((bool)insights["DisableLocalAuth"]!);
    }

    [Theory]
    [MemberData(nameof(AppModules))]
    public void Settings_HoldNoKeyOrSecret(string module)
    {
        foreach (var (name, value) in Settings(module))
        {
            Assert.DoesNotContain("key", name, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("password", name, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("secret", name, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("AccountKey", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessSignature", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("list", value, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Deployment_ReadsNoKeysAnywhere()
    {
        var text = _main.Text;

        Assert.DoesNotContain("listKeys(", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listSecrets(", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"sharedKey\"", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"adminUserEnabled\":true", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey=", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(AppModules))]
    public void ModelPath_IsThePipelineSettingDefaultingToTheBundledPackage(string module)
    {
        Assert.Equal("[parameters('modelPath')]", Settings(module)["Pipeline__ModelPath"]);
        Assert.Equal("models/default", (string?)_main.DeclaredParameters["modelPath"]!["defaultValue"]);
    }

    private Dictionary<string, string> Settings(string module) =>
        _main.ModuleParameter(module, "appSettings").AsArray().ToDictionary(
            s => (string)s!["name"]!,
            s => (string)s!["value"]!);
}
