using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NCovNet.Functions;
using NCovNet.Pipeline.Tests.Fixtures;

namespace NCovNet.Pipeline.Tests.Functions;

/// <summary>The Functions app's worker middleware: a throwing HTTP function answers problem details, a throwing blob trigger still throws.</summary>
public sealed class UnexpectedErrorMiddlewareTests
{
    // Where the ASP.NET Core integration keeps an invocation's HttpContext (FunctionContext.GetHttpContext reads it).
    private const string HttpContextKey = "HttpRequestContext";

    [Fact]
    public async Task A_throwing_http_function_answers_500_problem_details_and_logs_the_error()
    {
        var logs = new LogCapture();
        using var loggers = LoggerFactory.Create(logging => logging.AddProvider(logs));
        var middleware = new UnexpectedErrorMiddleware(loggers.CreateLogger<UnexpectedErrorMiddleware>());
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        using var body = new MemoryStream();
        http.Response.Body = body;
        var context = new InvocationContext("GetScan", new Dictionary<object, object> { [HttpContextKey] = http });

        await middleware.Invoke(context, _ => throw new IOException("connection reset by peer"));

        Assert.Equal(500, http.Response.StatusCode);
        Assert.Equal("application/problem+json", http.Response.ContentType);
        var problem = System.Text.Encoding.UTF8.GetString(body.ToArray());
        Assert.Equal("internal-error", JsonDocument.Parse(problem).RootElement.GetProperty("code").GetString());
        Assert.DoesNotContain("connection reset", problem, StringComparison.Ordinal);
        Assert.Contains(logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal) && line.Contains("GetScan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_throwing_blob_trigger_still_throws_so_the_trigger_retries()
    {
        var middleware = new UnexpectedErrorMiddleware(NullLogger<UnexpectedErrorMiddleware>.Instance);
        var context = new InvocationContext("ProcessRadiograph", new Dictionary<object, object>());

        await Assert.ThrowsAsync<IOException>(() => middleware.Invoke(context, _ => throw new IOException("connection reset by peer")));
    }

    private sealed class InvocationContext(string functionName, IDictionary<object, object> items) : FunctionContext
    {
        public override string InvocationId => "test-invocation";

        public override string FunctionId => functionName;

        public override TraceContext TraceContext => throw new NotSupportedException();

        public override BindingContext BindingContext => throw new NotSupportedException();

        public override RetryContext RetryContext => throw new NotSupportedException();

        public override IServiceProvider InstanceServices { get; set; } = null!;

        public override FunctionDefinition FunctionDefinition => new Definition(functionName);

        public override IDictionary<object, object> Items { get; set; } = items;

        public override IInvocationFeatures Features => throw new NotSupportedException();
    }

    private sealed class Definition(string name) : FunctionDefinition
    {
        public override string Name => name;

        public override string Id => name;

        public override string PathToAssembly => string.Empty;

        public override string EntryPoint => string.Empty;

        public override System.Collections.Immutable.ImmutableArray<FunctionParameter> Parameters => [];

        public override System.Collections.Immutable.IImmutableDictionary<string, BindingMetadata> InputBindings => System.Collections.Immutable.ImmutableDictionary<string, BindingMetadata>.Empty;

        public override System.Collections.Immutable.IImmutableDictionary<string, BindingMetadata> OutputBindings => System.Collections.Immutable.ImmutableDictionary<string, BindingMetadata>.Empty;
    }
}
