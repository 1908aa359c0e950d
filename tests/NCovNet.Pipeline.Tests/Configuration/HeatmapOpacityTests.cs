using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NCovNet.Core.Scanning;
using NCovNet.Pipeline.Tests.Fixtures;
using NCovNet.Tests;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Pipeline.Tests.Configuration;

/// <summary>Pipeline:HeatmapOpacity reaches the hosts' scanner; outside 0-1 it stops the host at start.</summary>
public sealed class HeatmapOpacityTests(TestModelFixture model) : IClassFixture<TestModelFixture>
{
    [Fact]
    public void At_opacity_0_the_hosts_overlay_is_the_radiograph_and_at_1_it_is_coloured()
    {
        var file = File.ReadLines(SharedData.CxrLabels).Skip(1).Select(line => line.Split(','))
            .First(row => row[10] == "PNG" && row[11] == "L" && row[14] == "8")[0];
        var bytes = File.ReadAllBytes(SharedData.CxrImage(file));
        using var radiograph = Image.Load<L8>(bytes);

        using var plain = Overlay(Build("0"), bytes);
        using var coloured = Overlay(Build("1"), bytes);

        Assert.Equal((radiograph.Width, radiograph.Height), (plain.Width, plain.Height));
        Assert.Equal(0, CountPixels(plain, (x, y, p) => p.R != radiograph[x, y].PackedValue || p.G != p.R || p.B != p.R));
        Assert.True(CountPixels(coloured, (_, _, p) => p.R != p.G || p.G != p.B) > coloured.Width * coloured.Height / 2);
    }

    [Theory]
    [InlineData("-0.1")]
    [InlineData("1.5")]
    public async Task An_opacity_outside_0_to_1_stops_the_host_at_start(string opacity)
    {
        using var host = Build(opacity);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Pipeline:HeatmapOpacity", error.Message, StringComparison.Ordinal);
    }

    private static Image<Rgb24> Overlay(IHost host, byte[] image)
    {
        using (host)
        {
            var outcome = host.Services.GetRequiredService<IRadiographScanner>().Scan(image);
            Assert.NotNull(outcome.Heatmaps);
            return Image.Load<Rgb24>(outcome.Heatmaps.OverlayPng);
        }
    }

    private static int CountPixels(Image<Rgb24> image, Func<int, int, Rgb24, bool> predicate)
    {
        var count = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                count += predicate(x, y, image[x, y]) ? 1 : 0;
            }
        }

        return count;
    }

    private IHost Build(string opacity) => ConfiguredPipeline.Build(model.Directory, ("Pipeline:HeatmapOpacity", opacity));
}
