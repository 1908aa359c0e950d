using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Azure.WebJobs;
using NCovNet.Core.Models;
using NCovNet.Pipeline;
using NCovNet.Pipeline.Http;

namespace NCovNet.Server;

/// <summary>
/// Builds the local server: the HTTP routes of the Functions app on Kestrel and the WebJobs
/// SDK host with the blob trigger, both over the shared pipeline. Configuration comes from
/// appsettings.json, the environment and the command line (e.g. --urls, --AzureWebJobsStorage).
/// </summary>
public static class ServerApp
{
    /// <param name="args">Command-line configuration.</param>
    /// <param name="overrideServices">Applied last; tests use it to observe the real scanner.</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrideServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(ServerOptions.DefaultUrl);
        }

        var server = builder.Configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();
        var pipeline = builder.Configuration.GetSection(PipelineOptions.Section).Get<PipelineOptions>() ?? new PipelineOptions();
        builder.Services.AddOptions<ServerOptions>().Bind(builder.Configuration.GetSection(ServerOptions.Section));
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            // As the stored results are written (ModelJson), so that the document describes them.
            json.SerializerOptions.DefaultIgnoreCondition = ModelJson.Options.DefaultIgnoreCondition;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        });
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer<ScanApiDocument>().AddOperationTransformer<ScanApiDocument>());
        builder.Services.AddScanPipeline(builder.Configuration).AddModelScanner();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = pipeline.MaxImageBytes);

        // In-flight scans get this long to finish on Ctrl-C; anything cut short is redelivered after restart.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Host.ConfigureWebJobs(webJobs => webJobs
            .AddAzureStorageCoreServices()
            .AddAzureStorageBlobs(blobs =>
            {
                blobs.MaxDegreeOfParallelism = server.MaxDegreeOfParallelism;
                blobs.PoisonBlobThreshold = 3;
            })
            .AddAzureStorageQueues(queues => queues.MaxPollingInterval = TimeSpan.FromSeconds(2)));
        builder.Services.AddSingleton<ITypeLocator, IngestionTypeLocator>();
        builder.Services.AddSingleton<BlobTriggerReceipts>();
        builder.Services.AddHostedService<MissedBlobSweeper>();
        builder.Services.AddHostedService<UnfinishedScanRecovery>();
        builder.Services.AddHostedService<KeylessExposureGuard>();
        overrideServices?.Invoke(builder.Services);

        var app = builder.Build();

        // Problem details for what no route answers: unhandled errors (500, logged) and unknown routes or methods (404, 405).
        app.UseExceptionHandler(error => error.Run(context => Problems.Unexpected().ExecuteAsync(context)));
        app.UseStatusCodePages();
        app.MapScanApi();
        app.MapOpenApi(ScanApiDocument.Route);
        return app;
    }
}
