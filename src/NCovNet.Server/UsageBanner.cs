using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NCovNet.Core.Scanning;
using NCovNet.Pipeline.Storage;
using NCovNet.Server.Azurite;

namespace NCovNet.Server;

/// <summary>What the run command prints once the server listens: where it is and how to send it an image.</summary>
public static class UsageBanner
{
    public static void Print(WebApplication app, AzuriteProcess? azurite)
    {
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? ServerOptions.DefaultUrl;
        var model = app.Services.GetRequiredService<IRadiographScanner>().Model;
        var keyHeader = string.IsNullOrEmpty(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ServerOptions>>().Value.ApiKey)
            ? string.Empty
            : $" -H \"{ApiKeyFilter.HeaderName}: $NCOVNET_API_KEY\"";
        var connection = azurite?.ConnectionString ?? "<your AzureWebJobsStorage connection string>";
        Console.WriteLine($"""

            nCoV-NET local server: {url}   model {model.Name} {model.Version} ({model.Architecture})
            {(azurite is null ? "Storage: as configured (AzureWebJobsStorage)" : $"Storage: Azurite on 127.0.0.1:{azurite.BlobPort} (blob), :{azurite.QueuePort} (queue); data in {azurite.DataDirectory}")}

            Research use only: not a medical device.

            POST an image and wait for its result:
              curl -s{keyHeader} --data-binary @chest.png -H "Content-Type: application/octet-stream" "{url}/api/scans?wait=true"
            Then: GET {url}/api/scans/<id>   GET {url}/api/scans/<id>/heatmap (?kind=map)   GET {url}/api/model   GET {url}/api/health

            Or drop an image into the input container (any folder) with the az CLI:
              az storage blob upload --connection-string "{connection}" -c {StorageLayout.InputContainer} -n clinic-a/chest.png -f chest.png
            and read which scan it became:
              az storage blob download --connection-string "{connection}" -c {StorageLayout.ResultsContainer} -n {StorageLayout.NamePointerBlob("clinic-a/chest.png")} --file /dev/stdout
            (Azure Storage Explorer: "Attach to a local emulator", or connect with the connection string above.)

            Ctrl-C stops the server{(azurite is null ? string.Empty : " and Azurite")}.
            """);
    }
}
