using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using NCovNet.Pipeline.Http;

namespace NCovNet.Functions;

/// <summary>GET /api/model: the served model's card.</summary>
public sealed class GetModelCard(ModelCardHandler handler)
{
    [Function(nameof(GetModelCard))]
    public IResult Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = ScanRoutes.Model)] HttpRequest request) =>
        handler.Handle();
}
