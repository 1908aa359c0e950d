using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NCovNet.Pipeline.Storage;

namespace NCovNet.Pipeline.Tests.Fixtures;

/// <summary>A host with the pipeline and model scanner registered as the hosts do, from the given settings; storage is never contacted.</summary>
public static class ConfiguredPipeline
{
    public static IHost Build(string modelDirectory, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Validation and in-memory scoring come before any storage call.
            [StorageConnection.DefaultName] = "UseDevelopmentStorage=true",
            ["Pipeline:ModelPath"] = modelDirectory,
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.Services.AddScanPipeline(builder.Configuration).AddModelScanner();
        return builder.Build();
    }
}
