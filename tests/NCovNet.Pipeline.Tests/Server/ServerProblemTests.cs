using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NCovNet.Core.Scanning;
using NCovNet.Pipeline.Storage;
using NCovNet.Pipeline.Tests.Fixtures;
using NCovNet.Server;

namespace NCovNet.Pipeline.Tests.Server;

/// <summary>Whatever no handler answers still answers with problem details, never an empty body.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServerProblemTests(AzuriteFixture azurite, TestModelFixture model) : IAsyncLifetime
{
    public Task InitializeAsync() => StorageReset.ClearAsync(azurite.ConnectionString);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Unknown_routes_and_methods_answer_problem_details()
    {
        await using var server = await ServerHost.StartAsync(azurite.ConnectionString, NewScanner());

        using var unknown = await server.Client.GetAsync("/api/nonexistent");
        using var wrongMethod = await server.Client.DeleteAsync("/api/model");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal("application/problem+json", wrongMethod.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unhandled_error_answers_500_problem_details_without_its_message()
    {
        var resultRead = new DroppedConnection(message => message.Request.Uri.Path.EndsWith("/result.json", StringComparison.Ordinal));
        await using var server = await SupervisedServer.StartAsync(
            ["--urls=http://127.0.0.1:0", $"--{StorageConnection.DefaultName}={azurite.ConnectionString}"],
            services =>
            {
                services.AddSingleton<IRadiographScanner>(NewScanner());
                services.AddSingleton(new ScanStore(resultRead.Storage(azurite.ConnectionString)));
            });
        var address = server.Current.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        using var response = await client.GetAsync($"/api/scans/{new string('a', 64)}");

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(resultRead.Dropped);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("internal-error", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
        Assert.DoesNotContain("connection reset", body, StringComparison.Ordinal);
    }

    private CountingScanner NewScanner() => new(RadiographScanner.Load(new EngineOptions { ModelDirectory = model.Directory }));
}
