using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using NCovNet.Core.Scanning;
using NCovNet.Pipeline.Storage;
using NCovNet.Pipeline.Tests.Fixtures;
using NCovNet.Server;
using NCovNet.Tests;

namespace NCovNet.Pipeline.Tests.Server;

/// <summary>
/// docs/openapi.json is what the server serves at /openapi/v1.json (so a mobile developer can
/// generate a client from the repository), and real answers carry what it promises.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OpenApiDocumentTests(AzuriteFixture azurite, TestModelFixture model) : IAsyncLifetime
{
    private static string Committed => Path.Combine(SharedData.RepoRoot, "docs", "openapi.json");

    public Task InitializeAsync() => StorageReset.ClearAsync(azurite.ConnectionString);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_committed_document_is_the_one_the_server_serves()
    {
        await using var server = await ServerHost.StartAsync(azurite.ConnectionString, NewScanner());

        var served = await server.Client.GetStringAsync(ScanApiDocument.Route);

        var expected = File.Exists(Committed) ? await File.ReadAllTextAsync(Committed) : "";
        if (!JsonNode.DeepEquals(Parse(expected), Parse(served)))
        {
            var actual = Path.Combine(Path.GetTempPath(), "ncovnet-openapi.json");
            await File.WriteAllTextAsync(actual, Normalise(served));
            Assert.Fail($"docs/openapi.json differs from what the server serves; if the change is meant, copy {actual} over it.");
        }
    }

    [Fact]
    public async Task Every_route_is_described_with_its_answers_and_the_api_key()
    {
        var document = Parse(await File.ReadAllTextAsync(Committed))!;
        var paths = document["paths"]!.AsObject();

        Assert.Equal(
            ["/api/health", "/api/model", "/api/scans", "/api/scans/{id}", "/api/scans/{id}/heatmap"],
            paths.Select(path => path.Key).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["200", "202", "400", "401", "413", "415", "500"],
            paths["/api/scans"]!["post"]!["responses"]!.AsObject().Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.Contains(paths["/api/scans"]!["post"]!["parameters"]!.AsArray(), p => (string?)p!["name"] == "wait");
        Assert.Contains(paths["/api/scans/{id}/heatmap"]!["get"]!["parameters"]!.AsArray(), p => (string?)p!["name"] == "kind");
        Assert.Equal("image/png", paths["/api/scans/{id}/heatmap"]!["get"]!["responses"]!["200"]!["content"]!.AsObject().Single().Key);
        Assert.Equal("x-functions-key", (string?)document["components"]!["securitySchemes"]!["functionKey"]!["name"]);
    }

    [Fact]
    public async Task A_scored_result_and_a_pending_answer_have_exactly_the_documented_properties()
    {
        var document = Parse(await File.ReadAllTextAsync(Committed))!;
        await using var server = await ServerHost.StartAsync(azurite.ConnectionString, NewScanner());
        var image = TestImages.Cxr(1)[0];

        using var scored = await server.Client.PostAsync("/api/scans?wait=true", new ByteArrayContent(image.Bytes));
        using var pending = await server.Client.PostAsync("/api/scans", new ByteArrayContent(TestImages.Cxr(2)[1].Bytes));

        Assert.Equal(HttpStatusCode.OK, scored.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, pending.StatusCode);
        var record = Parse(await scored.Content.ReadAsStringAsync())!.AsObject();
        AssertMatches(document, "ScanRecord", record);
        AssertMatches(document, "ScanResult", record["result"]!.AsObject());
        AssertMatches(document, "PendingScan", Parse(await pending.Content.ReadAsStringAsync())!.AsObject());
    }

    /// <summary>Every property sent is documented, and every documented required property is sent.</summary>
    private static void AssertMatches(JsonNode document, string schemaName, JsonObject answer)
    {
        var schema = document["components"]!["schemas"]![schemaName]!;
        var documented = schema["properties"]!.AsObject().Select(p => p.Key).ToHashSet();
        var required = schema["required"]?.AsArray().Select(r => (string)r!).ToList() ?? [];
        Assert.All(answer.Select(p => p.Key), name => Assert.Contains(name, documented));
        Assert.All(required, name => Assert.True(answer.ContainsKey(name), $"{schemaName}.{name} is required but was not sent"));
    }

    private static JsonNode? Parse(string json) => string.IsNullOrWhiteSpace(json) ? null : JsonNode.Parse(json);

    private static string Normalise(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

    private CountingScanner NewScanner() => new(RadiographScanner.Load(new EngineOptions { ModelDirectory = model.Directory }));
}
