using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NCovNet.Core.Scanning;
using NCovNet.Pipeline.Storage;
using NCovNet.Server;

namespace NCovNet.Pipeline.Tests.Fixtures;

/// <summary>The local server (HTTP on Kestrel + WebJobs blob trigger, under its own supervision) on a free loopback port, sharing a counting scanner across restarts.</summary>
public sealed class ServerHost : IAsyncDisposable
{
    public const string ApiKey = "test-key-6d0c";

    private readonly SupervisedServer _server;

    private ServerHost(SupervisedServer server, HttpClient client)
    {
        _server = server;
        Client = client;
    }

    /// <summary>Sends the API key.</summary>
    public HttpClient Client { get; }

    public Uri BaseAddress => Client.BaseAddress!;

    public static async Task<ServerHost> StartAsync(string connectionString, CountingScanner scanner, LogCapture? logs = null, long maxImageBytes = 32L * 1024 * 1024)
    {
        var server = await SupervisedServer.StartAsync(
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
        var address = server.Current.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Add(ApiKeyFilter.HeaderName, ApiKey);
        return new ServerHost(server, client);
    }

    /// <summary>Graceful stop, as on Ctrl-C: in-flight scans finish, the rest is redelivered to the next host.</summary>
    public Task StopAsync() => _server.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
    }
}
