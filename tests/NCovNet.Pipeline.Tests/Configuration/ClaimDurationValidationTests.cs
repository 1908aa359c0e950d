using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NCovNet.Pipeline.Tests.Fixtures;

namespace NCovNet.Pipeline.Tests.Configuration;

/// <summary>A claim is a blob lease (15-60 s): any other duration stops the host at start, before any storage call, naming the setting.</summary>
public sealed class ClaimDurationValidationTests(TestModelFixture model) : IClassFixture<TestModelFixture>
{
    [Theory]
    [InlineData("00:00:10")]
    [InlineData("00:02:00")]
    public async Task A_duration_storage_cannot_lease_stops_the_host_at_start(string duration)
    {
        using var host = Build(duration);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Pipeline:ClaimDuration", error.Message);
        Assert.Contains("15 to 60 seconds", error.Message);
    }

    [Theory]
    [InlineData("00:00:15", 15)]
    [InlineData("00:01:00", 60)]
    public void A_duration_within_the_lease_limits_is_accepted(string duration, int seconds)
    {
        using var host = Build(duration);

        Assert.Equal(TimeSpan.FromSeconds(seconds), host.Services.GetRequiredService<IOptions<PipelineOptions>>().Value.ClaimDuration);
    }

    private IHost Build(string duration) => ConfiguredPipeline.Build(model.Directory, ("Pipeline:ClaimDuration", duration));
}
