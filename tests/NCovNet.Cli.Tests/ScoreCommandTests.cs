using System.Text.Json;
using NCovNet.Core.Tests.Fixtures;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Cli.Tests;

public sealed class ScoreCommandTests : IDisposable
{
    private readonly TestPackage _model = new();
    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        _model.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Prints_a_row_per_image_and_exits_0_when_all_are_scored()
    {
        var run = await CliRun.Of("score", EngineImages.GrayJpeg, EngineImages.SmallPng, "--model", _model.Directory);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("FILE", lines[0]);
        Assert.Contains(lines, l => l.StartsWith(EngineImages.GrayJpeg, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith(EngineImages.SmallPng, StringComparison.Ordinal) && l.Contains("small-image"));
        Assert.Contains("2 image(s), 2 scored, 0 failed.", run.Output);
        Assert.Contains("CPU provider", run.Error);
    }

    [Fact]
    public async Task Out_gets_a_result_json_an_rgb_overlay_and_a_gray_map_per_image()
    {
        var outDir = _temp.Combine("out");

        var run = await CliRun.Of("score", EngineImages.GrayJpeg, "--model", _model.Directory, "--out", outDir);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var stem = Path.GetFileNameWithoutExtension(EngineImages.GrayJpeg);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, stem + ".json")));
        Assert.Equal("succeeded", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(906, json.RootElement.GetProperty("input").GetProperty("width").GetInt32());
        var overlay = Image.Identify(Path.Combine(outDir, stem + ".overlay.png"));
        Assert.Equal((906, 798), (overlay.Width, overlay.Height));
        Assert.Equal(PngColorType.Rgb, overlay.Metadata.GetPngMetadata().ColorType);
        var map = Image.Identify(Path.Combine(outDir, stem + ".map.png"));
        Assert.Equal(PngColorType.Grayscale, map.Metadata.GetPngMetadata().ColorType);
    }

    [Fact]
    public async Task Opacity_0_gives_an_overlay_that_is_the_radiograph_itself()
    {
        var outDir = _temp.Combine("out");

        var run = await CliRun.Of("score", EngineImages.GrayJpeg, "--model", _model.Directory, "--out", outDir, "--opacity", "0");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var overlay = Image.Load<Rgb24>(Path.Combine(outDir, Path.GetFileNameWithoutExtension(EngineImages.GrayJpeg) + ".overlay.png"));
        using var radiograph = Image.Load<L8>(EngineImages.GrayJpeg);
        var differing = 0;
        for (var y = 0; y < overlay.Height; y++)
        {
            for (var x = 0; x < overlay.Width; x++)
            {
                var (colour, gray) = (overlay[x, y], radiograph[x, y].PackedValue);
                differing += colour.R == gray && colour.G == gray && colour.B == gray ? 0 : 1;
            }
        }

        Assert.Equal(0, differing);
    }

    [Theory]
    [InlineData("-0.1")]
    [InlineData("1.5")]
    public async Task An_opacity_outside_0_to_1_is_an_invalid_command_line(string opacity)
    {
        var run = await CliRun.Of("score", EngineImages.GrayJpeg, "--model", _model.Directory, "--opacity", opacity);

        Assert.Equal(ExitCodes.InvalidArguments, run.ExitCode);
        Assert.Contains("--opacity must lie between 0 and 1.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_is_searched_recursively_and_a_bad_file_fails_alone_with_exit_4()
    {
        _temp.Copy(EngineImages.RgbaPng, "in/a.png");
        _temp.Copy(EngineImages.GrayJpeg, "in/nested/b.jpeg");
        File.WriteAllText(_temp.Combine("in", "c.png"), "this is not a PNG");
        File.WriteAllText(_temp.Combine("in", "notes.txt"), "not an image and not picked up");

        var run = await CliRun.Of("score", _temp.Combine("in"), "--model", _model.Directory, "--json");

        Assert.Equal(ExitCodes.SomeImagesFailed, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var results = json.RootElement.EnumerateArray().ToDictionary(
            r => Path.GetFileName(r.GetProperty("file").GetString()!),
            r => r.GetProperty("result"));
        Assert.Equal(["a.png", "b.jpeg", "c.png"], results.Keys.Order());
        Assert.Equal("succeeded", results["a.png"].GetProperty("status").GetString());
        Assert.Equal("succeeded", results["b.jpeg"].GetProperty("status").GetString());
        Assert.Equal("failed", results["c.png"].GetProperty("status").GetString());
        Assert.Equal("unknown-format", results["c.png"].GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Same_file_names_from_two_folders_get_distinct_outputs()
    {
        var first = _temp.Copy(EngineImages.SmallPng, "x/scan.png");
        var second = _temp.Copy(EngineImages.RgbaPng, "y/scan.png");

        var run = await CliRun.Of("score", first, second, "--model", _model.Directory, "--out", _temp.Combine("out"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.True(File.Exists(_temp.Combine("out", "scan.json")));
        Assert.True(File.Exists(_temp.Combine("out", "scan-2.overlay.png")));
    }

    [Fact]
    public async Task A_missing_path_exits_3_and_a_missing_or_corrupt_model_exits_2()
    {
        var missingPath = await CliRun.Of("score", _temp.Combine("nope.png"), "--model", _model.Directory);
        Assert.Equal(ExitCodes.UnusableInput, missingPath.ExitCode);
        Assert.Contains("does not exist", missingPath.Error);

        var missingModel = await CliRun.Of("score", EngineImages.SmallPng, "--model", _temp.Combine("no-model"));
        Assert.Equal(ExitCodes.ModelUnavailable, missingModel.ExitCode);
        Assert.Contains("No model.json", missingModel.Error);

        var bytes = File.ReadAllBytes(_model.OnnxPath);
        bytes[^1] ^= 0xff;
        File.WriteAllBytes(_model.OnnxPath, bytes);
        var corrupt = await CliRun.Of("score", EngineImages.SmallPng, "--model", _model.Directory);
        Assert.Equal(ExitCodes.ModelUnavailable, corrupt.ExitCode);
        Assert.Contains("SHA-256", corrupt.Error);
    }

    [Fact]
    public async Task No_arguments_is_a_usage_error()
    {
        var run = await CliRun.Of("score");

        Assert.Equal(ExitCodes.InvalidArguments, run.ExitCode);
    }
}
