using Microsoft.Azure.WebJobs.Host.Timers;

namespace NCovNet.Server;

/// <summary>
/// The server under its own supervision. The WebJobs SDK's answer to a broken listener (for
/// example storage restarted while it held a blob-receipt lease) is to crash and be restarted by
/// its supervisor, as the Functions host or App Service would. Here the broken instance is stopped
/// gracefully (in-flight scans finish) and a fresh one starts on the same storage; blob receipts
/// and the idempotent processor make sure nothing is lost or scored twice.
/// </summary>
public sealed partial class SupervisedServer : IAsyncDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    private readonly string[] _args;
    private readonly Action<IServiceCollection>? _overrideServices;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _stopped;

    private SupervisedServer(string[] args, Action<IServiceCollection>? overrideServices)
    {
        _args = args;
        _overrideServices = overrideServices;
        Current = Build();
    }

    /// <summary>The running instance (replaced when recycled).</summary>
    public WebApplication Current { get; private set; }

    public int Recycles { get; private set; }

    public static async Task<SupervisedServer> StartAsync(string[] args, Action<IServiceCollection>? overrideServices = null)
    {
        var server = new SupervisedServer(args, overrideServices);
        try
        {
            await server.Current.StartAsync();
        }
        catch
        {
            // A start refused after binding (KeylessExposureGuard) must not leave the port open.
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public async Task StopAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            await Current.StopAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Current.DisposeAsync();
    }

    private WebApplication Build() => ServerApp.Build(_args, services =>
    {
        services.AddSingleton<IWebJobsExceptionHandlerFactory>(new RecyclingExceptionHandlerFactory(error => _ = RecycleAsync(error)));
        _overrideServices?.Invoke(services);
    });

    private async Task RecycleAsync(Exception error)
    {
        await _gate.WaitAsync();
        try
        {
            if (_stopped)
            {
                return;
            }

            var logger = Current.Services.GetRequiredService<ILogger<SupervisedServer>>();
            LogRecycling(logger, error.GetType().Name, error.Message);
            try
            {
                var broken = Current;
                await broken.StopAsync();
                await broken.DisposeAsync();
                Current = Build();
                await Current.StartAsync();
                Recycles++;
            }
            catch (Exception startError)
            {
                // Storage still down: try again shortly rather than leave no host running.
                LogRecycling(logger, startError.GetType().Name, startError.Message);
                _ = Task.Delay(RetryDelay).ContinueWith(_ => RecycleAsync(startError), TaskScheduler.Default);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The blob trigger failed ({Error}: {Message}); restarting the host")]
    private static partial void LogRecycling(ILogger logger, string error, string message);
}
