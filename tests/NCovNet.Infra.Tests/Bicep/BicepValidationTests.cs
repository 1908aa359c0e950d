using System.Text.Json.Nodes;

namespace NCovNet.Infra.Tests.Bicep;

/// <summary>Every template and parameter file compiles and lints with no diagnostic at all.</summary>
public sealed class BicepValidationTests
{
    [Fact]
    public void Lint_EveryTemplateAndParameterFile_ReportsNothing()
    {
        var run = BicepCli.Run("lint", "--pattern", InfraFiles.BicepAndParameterPattern);

        Assert.True(run.ExitCode == 0 && run.Diagnostics.Count == 0, run.ToString());
    }

    [Fact]
    public void Build_EveryTemplate_CompilesWithoutDiagnostics()
    {
        var compiled = CompiledInfra.Instance;

        Assert.True(compiled.TemplateBuild.ExitCode == 0 && compiled.TemplateBuild.Diagnostics.Count == 0, compiled.TemplateBuild.ToString());
        Assert.Equal(RelativeNames(InfraFiles.BicepFiles), compiled.Templates.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void BuildParams_EveryParameterFile_CompilesWithoutDiagnostics()
    {
        var compiled = CompiledInfra.Instance;

        Assert.True(compiled.ParameterBuild.ExitCode == 0 && compiled.ParameterBuild.Diagnostics.Count == 0, compiled.ParameterBuild.ToString());
        Assert.Equal(RelativeNames(InfraFiles.ParameterFiles), compiled.Parameters.Keys.Order(StringComparer.Ordinal));
        Assert.NotEmpty(compiled.Parameters);
    }

    [Fact]
    public void LintConfig_MakesALintWarningAnError()
    {
        var dir = Directory.CreateTempSubdirectory("ncovnet-lint-");
        try
        {
            File.Copy(InfraFiles.BicepConfig, Path.Combine(dir.FullName, "bicepconfig.json"));
            var template = Path.Combine(dir.FullName, "unused.bicep");
            File.WriteAllText(template, "param unused string\n");

            var run = BicepCli.Run("lint", template);

            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains(run.Diagnostics, d => d.Contains("Error no-unused-params", StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void LintConfig_HasNoRuleAtWarningOrInfo()
    {
        var rules = JsonNode.Parse(File.ReadAllText(InfraFiles.BicepConfig))!["analyzers"]!["core"]!["rules"]!.AsObject();

        Assert.NotEmpty(rules);
        Assert.All(rules, rule => Assert.Contains((string?)rule.Value!["level"], new[] { "error", "off" }));
    }

    [Fact]
    public void Templates_ReferenceNoRegistryModules()
    {
        foreach (var file in InfraFiles.BicepFiles)
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("'br/", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'br:", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'ts:", text, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<string> RelativeNames(IEnumerable<string> files) =>
        files.Select(f => Path.ChangeExtension(Path.GetRelativePath(InfraFiles.InfraDir, f), null).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
}
