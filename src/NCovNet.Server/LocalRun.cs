using System.Runtime.InteropServices;
using NCovNet.Core.Models;
using NCovNet.Pipeline.Storage;
using NCovNet.Server.Azurite;
using NCovNet.Server.Bench;

namespace NCovNet.Server;

/// <summary>
/// The one run command: with no storage configured it installs and starts Azurite on loopback
/// (data in .azurite/), then the server with the bundled model, prints how to use them, and on
/// Ctrl-C stops the server first (in-flight scans finish) and then Azurite.
/// </summary>
public static class LocalRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains(BenchCommand.Switch))
        {
            return await BenchCommand.RunAsync(args);
        }

        // Registered before anything starts: Azurite runs in its own session, so the terminal's Ctrl-C
        // never reaches it, and a stop during its start-up must cancel that start and stop it.
        using var stopping = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        AzuriteProcess? azurite = null;
        try
        {
            if (!StorageConfigured(args))
            {
                var root = RepositoryRoot.Find();
                azurite = await AzuriteProcess.StartAsync(root, Path.Combine(root, ".azurite"), preferDefaultPorts: true, stopping.Token);
                args = [.. args, $"--{StorageConnection.DefaultName}={azurite.ConnectionString}"];
            }

            await using var server = await SupervisedServer.StartAsync(args);
            UsageBanner.Print(server.Current, azurite);
            await Task.Delay(Timeout.Infinite, stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await server.StopAsync();
            return 0;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return 0;
        }
        catch (ModelPackageException e)
        {
            await Console.Error.WriteLineAsync($"The model package cannot be served: {e.Message}");
            return 2;
        }
        finally
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopping.Cancel();
        }
    }

    private static bool StorageConfigured(string[] args) =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(StorageConnection.DefaultName))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable($"{StorageConnection.DefaultName}__blobServiceUri"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable($"{StorageConnection.DefaultName}__accountName"))
        || args.Any(a => a.TrimStart('-').StartsWith(StorageConnection.DefaultName, StringComparison.OrdinalIgnoreCase));
}
