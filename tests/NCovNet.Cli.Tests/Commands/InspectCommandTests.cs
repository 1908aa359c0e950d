using System.Text.Json;
using NCovNet.Cli.Commands;
using NCovNet.Tests;

namespace NCovNet.Cli.Tests.Commands;

public sealed class InspectCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ncovnet-inspect-").FullName;

    private static readonly string NihPng = RadiographTestImages.PathOf(RadiographTestImages.NihGrayPng);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Json_for_a_real_png_has_every_contract_field()
    {
        var (exitCode, output, _) = await CliRun.Of("inspect", NihPng, "--json");

        Assert.Equal(0, exitCode);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("png", json.GetProperty("format").GetString());
        Assert.Equal(512, json.GetProperty("width").GetInt32());
        Assert.Equal(512, json.GetProperty("height").GetInt32());
        Assert.Equal(8, json.GetProperty("bitsStored").GetInt32());
        Assert.Equal("GRAY", json.GetProperty("photometric").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("transferSyntax").ValueKind);
        Assert.Equal(1, json.GetProperty("frames").GetInt32());
        // The same hash as tests/NCovNet.Core.Tests/Imaging/Reference/png_sample_hash.py.
        Assert.Equal("13c0214f348d70563ac2d122caf540f17bebcfcdd1ab15b02beb961f5d85e185", json.GetProperty("pixelSha256").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task Json_for_a_real_colour_jpeg_reports_rgb()
    {
        var jpeg = RadiographTestImages.PathOf(RadiographTestImages.ColouredJpeg);

        var (exitCode, output, _) = await CliRun.Of("inspect", jpeg, "--json");

        Assert.Equal(0, exitCode);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(("jpeg", 1090, 842, "RGB"), (json.GetProperty("format").GetString(), json.GetProperty("width").GetInt32(), json.GetProperty("height").GetInt32(), json.GetProperty("photometric").GetString()));
    }

    [Fact]
    public async Task Truncated_file_prints_the_typed_error_and_fails()
    {
        var cut = Path.Combine(_dir, "cut.png");
        File.WriteAllBytes(cut, File.ReadAllBytes(NihPng)[..5000]);

        var (exitCode, output, _) = await CliRun.Of("inspect", cut, "--json");

        Assert.Equal(InspectCommand.DecodeFailed, exitCode);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("truncated", json.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("PNG", json.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("format").ValueKind);
    }

    [Theory]
    [InlineData(new byte[0], "empty")]
    [InlineData(new byte[] { (byte)'h', (byte)'i', (byte)'!' }, "unknown-format")]
    public async Task Bad_input_gets_its_error_code(byte[] content, string code)
    {
        var file = Path.Combine(_dir, "bad.bin");
        File.WriteAllBytes(file, content);

        var (exitCode, output, _) = await CliRun.Of("inspect", file, "--json");

        Assert.Equal(InspectCommand.DecodeFailed, exitCode);
        Assert.Equal(code, JsonDocument.Parse(output).RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Missing_file_is_a_file_error()
    {
        var (exitCode, output, _) = await CliRun.Of("inspect", Path.Combine(_dir, "absent.png"), "--json");

        Assert.Equal(InspectCommand.FileUnreadable, exitCode);
        Assert.Equal("file-not-found", JsonDocument.Parse(output).RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Without_json_prints_a_readable_table()
    {
        var (exitCode, output, _) = await CliRun.Of("inspect", NihPng);

        Assert.Equal(0, exitCode);
        Assert.Matches(@"(?m)^width\s+512\s*$", output);
        Assert.Matches(@"(?m)^photometric\s+GRAY\s*$", output);
        Assert.Matches(@"(?m)^error\s+-\s*$", output);
    }
}
