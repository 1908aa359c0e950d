using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using NCovNet.Pipeline.Storage;

namespace NCovNet.Pipeline.Tests.Server;

/// <summary>
/// The local server as its own process (the build's NCovNet.Server.dll, the bundled default
/// model), so that a test can kill it outright, as a power cut or the OOM killer would.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output => string.Join('\n', _output);

    /// <summary>Scan ids this process logged as scored ("Scan {id}: {status}").</summary>
    public IReadOnlyList<string> ScoredIds => Matches(ScoredLine());

    /// <summary>Scan ids this process's start-up recovery scored ("Unfinished scan {id}: Scored").</summary>
    public IReadOnlyList<string> RecoveredIds => Matches(RecoveredLine());

    private List<string> Matches(Regex pattern) =>
        _output.Select(line => pattern.Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();

    public static ServerProcess Start(string connectionString, params string[] settings)
    {
        var server = Path.Combine(AppContext.BaseDirectory, "NCovNet.Server.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in new[] { server, "--urls=http://127.0.0.1:0", $"--{StorageConnection.DefaultName}={connectionString}" }.Concat(settings))
        {
            start.ArgumentList.Add(argument);
        }

        return new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>SIGKILL: no shutdown, no finally blocks, no log flush.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    [GeneratedRegex(@"^\s*Scan ([0-9a-f]{64}): ")]
    private static partial Regex ScoredLine();

    [GeneratedRegex(@"^\s*Unfinished scan ([0-9a-f]{64}): Scored")]
    private static partial Regex RecoveredLine();
}
