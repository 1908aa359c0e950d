using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace NCovNet.Server.Azurite;

/// <summary>
/// Azurite (the Azure Storage emulator) from the repository's node_modules, on loopback only.
/// Installs it with <c>npm ci</c> when missing. Stopping sends SIGTERM twice (Azurite ignores
/// the first) and kills it if it still runs. The data folder survives a restart.
/// </summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _script;
    private Process? _process;

    private AzuriteProcess(string script, string dataDirectory, int blobPort, int queuePort, int tablePort)
    {
        _script = script;
        DataDirectory = dataDirectory;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public string DataDirectory { get; }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    /// <summary>Processor time Azurite has used since it started (zero when stopped).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            if (_process is not { HasExited: false } process)
            {
                return TimeSpan.Zero;
            }

            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    /// <summary>Starts Azurite on the default ports (10000-10002) when free, else on free loopback ports.</summary>
    public static Task<AzuriteProcess> StartAsync(string repositoryRoot, string dataDirectory, bool preferDefaultPorts, CancellationToken cancellationToken)
    {
        int[] ports = preferDefaultPorts && new[] { 10000, 10001, 10002 }.All(IsFree) ? [10000, 10001, 10002] : [FreePort(), FreePort(), FreePort()];
        return StartAsync(repositoryRoot, dataDirectory, ports, cancellationToken);
    }

    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await StopAsync();
        await LaunchAsync(cancellationToken);
    }

    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        using (process)
        {
            for (var signal = 0; signal < 2 && !process.HasExited; signal++)
            {
                Terminate(process);
                await WaitForExitAsync(process, TimeSpan.FromSeconds(5));
            }

            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static async Task<AzuriteProcess> StartAsync(string repositoryRoot, string dataDirectory, int[] ports, CancellationToken cancellationToken)
    {
        var script = await EnsureInstalledAsync(repositoryRoot, cancellationToken);
        Directory.CreateDirectory(dataDirectory);
        var azurite = new AzuriteProcess(script, dataDirectory, ports[0], ports[1], ports[2]);
        try
        {
            await azurite.LaunchAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Cancelled while waiting for its ports: the caller never gets the process, so stop it here.
            await azurite.StopAsync();
            throw;
        }

        return azurite;
    }

    private static async Task<string> EnsureInstalledAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var script = Path.Combine(repositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (File.Exists(script))
        {
            return script;
        }

        Console.Error.WriteLine($"Azurite is not installed in {repositoryRoot}/node_modules: running npm ci...");
        var npm = new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund"]) { WorkingDirectory = repositoryRoot };
        using var install = Process.Start(npm) ?? throw new InvalidOperationException("Could not start npm (is Node 20 installed?).");
        await install.WaitForExitAsync(cancellationToken);
        if (install.ExitCode != 0 || !File.Exists(script))
        {
            throw new InvalidOperationException($"npm ci failed in {repositoryRoot} (exit code {install.ExitCode}); Azurite is needed to run locally.");
        }

        return script;
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            _script, "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", $"{BlobPort}",
            "--queueHost", "127.0.0.1", "--queuePort", $"{QueuePort}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{TablePort}",
            "--location", DataDirectory,
        ];

        // Its own session where available, so a terminal's Ctrl-C reaches only us and we stop it after the server.
        var info = File.Exists("/usr/bin/setsid")
            ? new ProcessStartInfo("/usr/bin/setsid", ["node", .. arguments])
            : new ProcessStartInfo("node", arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start node (is Node 20 installed?).");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = Stopwatch.StartNew();
        while (!await AcceptsAsync(BlobPort) || !await AcceptsAsync(QueuePort))
        {
            if (process.HasExited || deadline.Elapsed > StartTimeout)
            {
                await StopAsync();
                throw new InvalidOperationException($"Azurite did not start on ports {BlobPort}/{QueuePort} (data in {DataDirectory}).");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task WaitForExitAsync(Process process, TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            // Still running: the caller escalates.
        }
    }

    private static void Terminate(Process process)
    {
        if (OperatingSystem.IsWindows())
        {
            process.Kill(entireProcessTree: true);
            return;
        }

        _ = SendSignal(process.Id, SigTerm);
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
