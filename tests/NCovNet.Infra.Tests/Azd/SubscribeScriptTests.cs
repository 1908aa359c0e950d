using System.Diagnostics;
using System.Text.RegularExpressions;
using NCovNet.Infra.Tests.Bicep;

namespace NCovNet.Infra.Tests.Azd;

/// <summary>The Event Grid step reads only outputs main.bicep has and passes what the subscription template needs.</summary>
public sealed partial class SubscribeScriptTests
{
    private readonly string _script = File.ReadAllText(InfraFiles.SubscribeScript);

    [Fact]
    public void Script_IsValidBash()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-n");
        start.ArgumentList.Add(InfraFiles.SubscribeScript);
        using var bash = Process.Start(start)!;
        var errors = bash.StandardError.ReadToEnd();
        bash.WaitForExit();

        Assert.True(bash.ExitCode == 0, errors);
    }

    [Fact]
    public void Script_ReadsOnlyOutputsOfMain()
    {
        var required = RequiredVariables().Match(_script).Groups["names"].Value
            .Split([' ', '\\', '\n'], StringSplitOptions.RemoveEmptyEntries);

        Assert.NotEmpty(required);
        Assert.All(required, name => Assert.True(CompiledInfra.Instance.Main.Outputs.ContainsKey(name), $"main.bicep has no output {name}."));
    }

    [Fact]
    public void Script_PassesExactlyTheSubscriptionTemplatesParameters()
    {
        var template = CompiledInfra.Instance.Template("app/blob-events-subscription").DeclaredParameters;
        var required = template.Where(p => p.Value!["defaultValue"] is null).Select(p => p.Key).Order(StringComparer.Ordinal);
        var parameters = _script[_script.IndexOf("--parameters", StringComparison.Ordinal)..];
        var passed = PassedParameter().Matches(parameters).Select(m => m.Groups["name"].Value).Order(StringComparer.Ordinal);

        Assert.Equal(required, passed);
    }

    [GeneratedRegex(@"for name in (?<names>[A-Z_ \\\n]+); do")]
    private static partial Regex RequiredVariables();

    [GeneratedRegex(@"^\s+(?<name>[a-zA-Z]+)=""\$", RegexOptions.Multiline)]
    private static partial Regex PassedParameter();
}
