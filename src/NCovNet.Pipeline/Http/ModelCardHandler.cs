using Microsoft.AspNetCore.Http;
using NCovNet.Core.Models;
using NCovNet.Core.Scanning;

namespace NCovNet.Pipeline.Http;

/// <summary>GET /api/model: the served model's card (model.json: name, version, classes, metrics, provenance).</summary>
public sealed class ModelCardHandler(IRadiographScanner scanner)
{
    public IResult Handle() => Results.Json(scanner.Model, ModelJson.Options);
}
