using NCovNet.Server.Azurite;
using NCovNet.Tests;

namespace NCovNet.Pipeline.Tests.Server;

/// <summary>
/// Ctrl-C while the run command starts Azurite cancels that start: Azurite runs in its own session
/// (the terminal's Ctrl-C never reaches it), so a cancelled start must stop it itself.
/// </summary>
public sealed class AzuriteStartupTests
{
    [Fact]
    public async Task A_start_cancelled_before_azurite_listens_leaves_no_azurite_running()
    {
        NodePackages.EnsureInstalled();
        var data = Path.Combine(Path.GetTempPath(), "ncovnet-azurite-cancelled-" + Guid.NewGuid().ToString("N"));
        try
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                AzuriteProcess.StartAsync(SharedData.RepoRoot, data, preferDefaultPorts: false, new CancellationToken(canceled: true)));

            Assert.Empty(ProcessesServing(data));
        }
        finally
        {
            // Only if the assertion failed: the Azurite this test started, by its process id.
            foreach (var id in ProcessesServing(data))
            {
                System.Diagnostics.Process.GetProcessById(id).Kill(entireProcessTree: true);
            }

            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Ids of the processes whose command line names the data directory (Linux /proc).</summary>
    private static List<int> ProcessesServing(string dataDirectory) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, out _))
            .Where(name => CommandLine(name!).Contains(dataDirectory, StringComparison.Ordinal))
            .Select(name => int.Parse(name!, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

    private static string CommandLine(string processId)
    {
        try
        {
            return File.ReadAllText($"/proc/{processId}/cmdline");
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
