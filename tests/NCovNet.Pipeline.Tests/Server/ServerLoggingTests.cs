using System.Text.Json;
using Azure.Storage.Blobs;
using NCovNet.Core.Scanning;
using NCovNet.Pipeline.Storage;
using NCovNet.Pipeline.Tests.Fixtures;

namespace NCovNet.Pipeline.Tests.Server;

/// <summary>
/// Input blob names often hold patient names: they must never reach a log line, neither ours nor
/// the WebJobs SDK's (its "Executing ... New blob detected: {name}" lines are Function.* at Information).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServerLoggingTests(AzuriteFixture azurite, TestModelFixture model) : IAsyncLifetime
{
    private const string PatientName = "DOE_JOHN_1957";

    public Task InitializeAsync() => StorageReset.ClearAsync(azurite.ConnectionString);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_blob_named_after_a_patient_is_scored_without_its_name_in_any_log_line()
    {
        var logs = new LogCapture();
        var scanner = new CountingScanner(RadiographScanner.Load(new EngineOptions { ModelDirectory = model.Directory }));
        var name = $"clinic-a/{PatientName}.png";
        await using (var server = await ServerHost.StartAsync(azurite.ConnectionString, scanner, logs))
        {
            var input = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(StorageLayout.InputContainer);
            await input.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(TestImages.Cxr(1)[0].Bytes));

            var records = await new ResultReader(azurite.ConnectionString).WaitForAllAsync([name], TimeSpan.FromSeconds(120));

            Assert.Single(records);
        }

        Assert.Contains(logs.Lines, line => line.Contains("Scan ", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(PatientName, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// In Azure the host's "Executing" lines (Function.*) and its request telemetry (Host.Results,
    /// whose TriggerReason names the blob) would carry the name; our own logs (Function.X.User) stay.
    /// </summary>
    [Fact]
    public void The_functions_host_logs_executions_and_results_only_from_warning_and_our_logs_at_information()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")));
        var levels = hostJson.RootElement.GetProperty("logging").GetProperty("logLevel");

        Assert.Equal("Warning", levels.GetProperty("Function").GetString());
        Assert.Equal("Warning", levels.GetProperty("Host.Results").GetString());
        Assert.Equal("Information", levels.GetProperty("Function.ProcessRadiograph.User").GetString());
    }
}
