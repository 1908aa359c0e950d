using System.Text.Json.Nodes;

namespace NCovNet.Infra.Tests.Bicep;

/// <summary>A compiled ARM template with its nested module deployments flattened for queries.</summary>
public sealed class ArmTemplate(JsonObject root)
{
    private const string DeploymentType = "Microsoft.Resources/deployments";

    public JsonObject Root { get; } = root;

    public string Text => Root.ToJsonString();

    public JsonObject DeclaredParameters => Root["parameters"]?.AsObject() ?? [];

    public JsonObject Variables => Root["variables"]?.AsObject() ?? [];

    public JsonObject Outputs => Root["outputs"]?.AsObject() ?? [];

    /// <summary>Every resource the template and the modules it deploys create, at any depth (not `existing` references).</summary>
    public IEnumerable<ArmResource> AllResources =>
        ResourcesOf(Root).Where(r => r.Json["existing"]?.GetValue<bool>() != true);

    public IReadOnlyList<ArmResource> ResourcesOfType(string type) =>
        AllResources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase)).ToList();

    public ArmResource Single(string type) =>
        ResourcesOfType(type) switch
        {
            [var only] => only,
            var found => throw new InvalidOperationException($"Expected one {type}, found {found.Count}."),
        };

    /// <summary>The module deployment with this symbolic name (Bicep languageVersion 2.0 keys resources by symbol).</summary>
    public JsonObject Module(string symbolicName) =>
        Root["resources"]?[symbolicName]?.AsObject() is { } module && (string?)module["type"] == DeploymentType
            ? module
            : throw new KeyNotFoundException($"No module '{symbolicName}' in the template.");

    /// <summary>The value a module passes to one of its parameters.</summary>
    public JsonNode ModuleParameter(string module, string parameter) =>
        Module(module)["properties"]?["parameters"]?[parameter]?["value"]
        ?? throw new KeyNotFoundException($"Module '{module}' gets no parameter '{parameter}'.");

    private static IEnumerable<ArmResource> ResourcesOf(JsonObject template)
    {
        IEnumerable<JsonNode?> resources = template["resources"] switch
        {
            JsonArray array => array,
            JsonObject bySymbol => bySymbol.Select(p => p.Value),
            _ => [],
        };
        foreach (var resource in resources.OfType<JsonObject>())
        {
            yield return new ArmResource(resource, template);
            if ((string?)resource["type"] == DeploymentType && resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in ResourcesOf(nested))
                {
                    yield return inner;
                }
            }
        }
    }
}
