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

        AzuriteProcess? azurite = null;
        try
        {
            if (!StorageConfigured(args))
            {
                var root = RepositoryRoot.Find();
                azurite = await AzuriteProcess.StartAsync(root, Path.Combine(root, ".azurite"), preferDefaultPorts: true, CancellationToken.None);
                args = [.. args, $"--{StorageConnection.DefaultName}={azurite.ConnectionString}"];
            }

            var stop = new TaskCompletionSource();
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            await using var server = await SupervisedServer.StartAsync(args);
            UsageBanner.Print(server.Current, azurite);
            await stop.Task;
            await server.StopAsync();
            return 0;

            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                stop.TrySetResult();
            }
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
    }

    private static bool StorageConfigured(string[] args) =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(StorageConnection.DefaultName))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable($"{StorageConnection.DefaultName}__blobServiceUri"))
        || args.Any(a => a.TrimStart('-').StartsWith(StorageConnection.DefaultName, StringComparison.OrdinalIgnoreCase));
}
