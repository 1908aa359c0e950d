using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NCovNet.Infra.Tests.Bicep;

/// <summary>One resource of a compiled template, with the (nested) template that declares it.</summary>
public sealed partial record ArmResource(JsonObject Json, JsonObject DeclaringTemplate)
{
    public string Type => (string?)Json["type"] ?? "";

    public JsonNode? Properties => Json["properties"];

    public string Text => Json.ToJsonString();

    /// <summary>
    /// The role definition GUID of a role assignment, whether the template writes it literally or
    /// through a variable (`variables('roles').storageBlobDataOwner`).
    /// </summary>
    public string RoleDefinitionGuid()
    {
        var expression = (string?)Properties?["roleDefinitionId"] ?? throw new InvalidOperationException($"{Type} has no roleDefinitionId.");
        if (Guid().Match(expression) is { Success: true } literal)
        {
            return literal.Value;
        }

        var reference = VariableReference().Match(expression);
        if (!reference.Success)
        {
            throw new InvalidOperationException($"Cannot resolve the role in '{expression}'.");
        }

        var value = DeclaringTemplate["variables"]?[reference.Groups["name"].Value];
        if (reference.Groups["member"].Success)
        {
            value = value?[reference.Groups["member"].Value];
        }

        return (string?)value ?? throw new InvalidOperationException($"Variable in '{expression}' is not declared.");
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex(@"variables\('(?<name>\w+)'\)(\.(?<member>\w+))?")]
    private static partial Regex VariableReference();
}
