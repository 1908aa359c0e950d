using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using NCovNet.Pipeline.Http;

namespace NCovNet.Functions;

/// <summary>
/// An HTTP function that throws answers 500 with problem details (code internal-error) like every
/// other error, instead of the host's empty 500; the exception is logged, its message not sent.
/// Other triggers rethrow, so the blob trigger still retries and finally poisons.
/// </summary>
public sealed partial class UnexpectedErrorMiddleware(ILogger<UnexpectedErrorMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (context.GetHttpContext() is { Response.HasStarted: false })
        {
            LogUnexpected(e, context.FunctionDefinition.Name);
            await Problems.Unexpected().ExecuteAsync(context.GetHttpContext()!);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} failed; answered 500 internal-error")]
    private partial void LogUnexpected(Exception exception, string function);
}
