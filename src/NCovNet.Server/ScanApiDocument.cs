using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace NCovNet.Server;

/// <summary>
/// The OpenAPI document of the scan API (served at <see cref="Route"/>, committed as
/// docs/openapi.json): what the minimal-API metadata cannot say itself, namely the title, the API
/// key and the query switches the handlers read from the request.
/// </summary>
public sealed class ScanApiDocument : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string Route = "/openapi/v1.json";

    private const string ApiKeyScheme = "functionKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "nCoV-NET scan API",
            Version = "v1",
            Description = "Scores frontal chest radiographs for COVID-19 pneumonia versus other pneumonias and serves Grad-CAM heatmaps. "
                + "The same routes are served by the Azure Functions app and the local server. Errors are RFC 9457 problem details with a stable `code`. "
                + "Research use only: not a medical device.",
        };
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyFilter.HeaderName,
            Description = "The Functions key (or the local server's Server__ApiKey); ?code= works too. A local server bound to loopback only needs none.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] }];
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId == "SubmitScan")
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "wait",
                In = ParameterLocation.Query,
                Description = "true: score now and answer 200 with the result instead of 202.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Boolean },
            });
        }

        return Task.CompletedTask;
    }
}
