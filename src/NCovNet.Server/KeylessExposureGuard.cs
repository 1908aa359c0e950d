using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace NCovNet.Server;

/// <summary>
/// Refuses to serve without an API key on anything but loopback. It judges the addresses Kestrel
/// actually bound, right after binding, so every way of choosing them counts alike (--urls,
/// Kestrel:Endpoints, ASPNETCORE_HTTP_PORTS); the host's start then fails and its caller disposes it.
/// </summary>
public sealed class KeylessExposureGuard(IServer server, IOptions<ServerOptions> options) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(options.Value.ApiKey))
        {
            return Task.CompletedTask;
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        if (addresses.Count > 0 && ListenAddresses.AllLoopback(addresses))
        {
            return Task.CompletedTask;
        }

        throw new InvalidOperationException(
            $"The server listens on {string.Join(", ", addresses)} without an API key: set Server__ApiKey (or --Server:ApiKey) or bind to 127.0.0.1 only.");
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
