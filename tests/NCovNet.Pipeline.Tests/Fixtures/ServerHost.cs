using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NCovNet.Core.Scanning;
using NCovNet.Pipeline.Storage;
using NCovNet.Server;

namespace NCovNet.Pipeline.Tests.Fixtures;

/// <summary>The local server (HTTP on Kestrel + WebJobs blob trigger) on a free loopback port, sharing a counting scanner across restarts.</summary>
public sealed class ServerHost : IAsyncDisposable
{
    public const string ApiKey = "test-key-6d0c";

    private readonly WebApplication _app;
    private bool _stopped;

    private ServerHost(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    /// <summary>Sends the API key.</summary>
    public HttpClient Client { get; }

    public Uri BaseAddress => Client.BaseAddress!;

    public static async Task<ServerHost> StartAsync(string connectionString, CountingScanner scanner, LogCapture? logs = null, long maxImageBytes = 32L * 1024 * 1024)
    {
        var app = ServerApp.Build(
            [
                "--urls=http://127.0.0.1:0",
                $"--{StorageConnection.DefaultName}={connectionString}",
                $"--Server:ApiKey={ApiKey}",
                $"--Pipeline:MaxImageBytes={maxImageBytes}",
            ],
            services =>
            {
                services.AddSingleton<IRadiographScanner>(scanner);
                if (logs is not null)
                {
                    services.AddLogging(logging => logging.AddProvider(logs));
                }
            });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Add(ApiKeyFilter.HeaderName, ApiKey);
        return new ServerHost(app, client);
    }

    /// <summary>Graceful stop, as on Ctrl-C: in-flight scans finish, the rest is redelivered to the next host.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _app.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
