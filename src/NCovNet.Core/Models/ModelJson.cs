using System.Text.Json;
using System.Text.Json.Serialization;

namespace NCovNet.Core.Models;

/// <summary>The JSON conventions of model.json and of results: camelCase, indented, nulls kept out.</summary>
public static class ModelJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };
}
