using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NCovNet.Pipeline.Http;

namespace NCovNet.Server;

/// <summary>
/// Refuses calls without the configured API key (x-functions-key header or ?code=), as the Functions
/// host does. Without a key only loopback connections are served, so a request that arrives in the
/// moment between binding and <see cref="KeylessExposureGuard"/>'s refusal gets nothing.
/// </summary>
public sealed class ApiKeyFilter(IOptions<ServerOptions> options) : IEndpointFilter
{
    public const string HeaderName = "x-functions-key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (options.Value.ApiKey is not { Length: > 0 } expected)
        {
            return context.HttpContext.Connection.LocalIpAddress is { } local && IPAddress.IsLoopback(local) ? await next(context) : Problems.Unauthorized();
        }

        var request = context.HttpContext.Request;
        var presented = request.Headers[HeaderName].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        return presented is not null && Matches(presented, expected) ? await next(context) : Problems.Unauthorized();
    }

    private static bool Matches(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
