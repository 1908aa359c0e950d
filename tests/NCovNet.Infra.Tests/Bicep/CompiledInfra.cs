using System.Text.Json.Nodes;

namespace NCovNet.Infra.Tests.Bicep;

/// <summary>
/// Every template and parameter file under infra/ compiled once per test run (one Bicep
/// process each for templates and parameters), kept as ARM JSON in memory.
/// </summary>
public sealed class CompiledInfra
{
    private static readonly Lazy<CompiledInfra> Shared = new(Compile);

    private CompiledInfra(BicepRun templateBuild, BicepRun parameterBuild,
        IReadOnlyDictionary<string, ArmTemplate> templates, IReadOnlyDictionary<string, JsonObject> parameters)
    {
        TemplateBuild = templateBuild;
        ParameterBuild = parameterBuild;
        Templates = templates;
        Parameters = parameters;
    }

    public static CompiledInfra Instance => Shared.Value;

    public BicepRun TemplateBuild { get; }

    public BicepRun ParameterBuild { get; }

    /// <summary>Compiled templates by path relative to infra/ without extension, e.g. "main", "app/storage".</summary>
    public IReadOnlyDictionary<string, ArmTemplate> Templates { get; }

    /// <summary>Compiled parameter files by path relative to infra/ without extension, e.g. "params/gpu".</summary>
    public IReadOnlyDictionary<string, JsonObject> Parameters { get; }

    public ArmTemplate Main => Templates["main"];

    public ArmTemplate Template(string name) =>
        Templates.TryGetValue(name, out var template)
            ? template
            : throw new KeyNotFoundException($"No compiled template '{name}'; have {string.Join(", ", Templates.Keys)}. {TemplateBuild}");

    private static CompiledInfra Compile()
    {
        var outDir = Directory.CreateTempSubdirectory("ncovnet-bicep-");
        try
        {
            var templateDir = Path.Combine(outDir.FullName, "templates");
            var parameterDir = Path.Combine(outDir.FullName, "parameters");
            var templateBuild = BicepCli.Run("build", "--pattern", InfraFiles.BicepPattern, "--outdir", templateDir);
            var parameterBuild = BicepCli.Run("build-params", "--pattern", InfraFiles.ParameterPattern, "--outdir", parameterDir);
            var templates = Load(templateDir).ToDictionary(p => p.Key, p => new ArmTemplate(p.Value));
            return new CompiledInfra(templateBuild, parameterBuild, templates, Load(parameterDir));
        }
        finally
        {
            outDir.Delete(recursive: true);
        }
    }

    private static Dictionary<string, JsonObject> Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).ToDictionary(
            path => Path.ChangeExtension(Path.GetRelativePath(directory, path), null).Replace('\\', '/'),
            path => JsonNode.Parse(File.ReadAllText(path))!.AsObject());
    }
}
