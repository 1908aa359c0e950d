using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NCovNet.Core.Scanning;
using NCovNet.Pipeline.Storage;

namespace NCovNet.Pipeline.Tests.Fixtures;

/// <summary>
/// The Functions app's services as its Program.cs registers them (pipeline + model scanner),
/// against Azurite, with the real scanner wrapped in a <see cref="CountingScanner"/>. Tests create
/// the function classes from it and call their public methods, as the Functions host would.
/// </summary>
public sealed class FunctionsAppHost : IAsyncDisposable
{
    private readonly IHost _host;

    private FunctionsAppHost(IHost host, LogCapture logs)
    {
        _host = host;
        Logs = logs;
        Scanner = host.Services.GetRequiredService<CountingScanner>();
        Storage = host.Services.GetRequiredService<PipelineStorage>();
    }

    public CountingScanner Scanner { get; }

    public PipelineStorage Storage { get; }

    public LogCapture Logs { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<FunctionsAppHost> StartAsync(string connectionString, string modelDirectory, long maxImageBytes = 32L * 1024 * 1024)
    {
        var logs = new LogCapture();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageConnection.DefaultName] = connectionString,
            ["Pipeline:ModelPath"] = modelDirectory,
            ["Pipeline:MaxImageBytes"] = maxImageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddScanPipeline(builder.Configuration).AddModelScanner();
        builder.Services.AddSingleton(provider => new CountingScanner(RadiographScanner.Load(new EngineOptions { ModelDirectory = modelDirectory })));
        builder.Services.AddSingleton<IRadiographScanner>(provider => provider.GetRequiredService<CountingScanner>());
        var host = builder.Build();
        await host.StartAsync();
        return new FunctionsAppHost(host, logs);
    }

    public T Create<T>() => ActivatorUtilities.CreateInstance<T>(_host.Services);

    public HttpRequest Request(string method, byte[]? body = null, string? query = null)
    {
        var context = new DefaultHttpContext { RequestServices = _host.Services };
        context.Request.Method = method;
        if (body is not null)
        {
            context.Request.Body = new MemoryStream(body);
            context.Request.ContentLength = body.Length;
            context.Request.ContentType = "application/octet-stream";
        }

        if (query is not null)
        {
            context.Request.QueryString = new QueryString(query);
        }

        return context.Request;
    }

    /// <summary>Runs an HTTP function's result the way the host would and captures the response.</summary>
    public async Task<CapturedResponse> ExecuteAsync(IResult result)
    {
        var context = new DefaultHttpContext { RequestServices = _host.Services };
        using var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteAsync(context);
        return new CapturedResponse(context.Response.StatusCode, context.Response.ContentType, context.Response.Headers.Location.ToString(), body.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

public sealed record CapturedResponse(int Status, string? ContentType, string Location, byte[] Body)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}
