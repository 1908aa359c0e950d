using System.Text.Json;
using NCovNet.Core.Tests.Fixtures;

namespace NCovNet.Cli.Tests;

public sealed class BenchCommandTests : IDisposable
{
    private readonly TestPackage _model = new();
    private readonly TempFolder _images = new();

    public BenchCommandTests()
    {
        _images.Copy(EngineImages.GrayJpeg, "a.jpeg");
        _images.Copy(EngineImages.RgbaPng, "b.png");
        _images.Copy(EngineImages.SmallPng, "c.png");
    }

    public void Dispose()
    {
        _model.Dispose();
        _images.Dispose();
    }

    [Fact]
    public async Task Json_report_has_bare_and_pipeline_times_stages_ratios_and_throughput()
    {
        var run = await CliRun.Of("bench", "--model", _model.Directory, "--images", _images.Path, "--rounds", "1", "--batch", "2", "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var report = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(3, report.GetProperty("images").GetInt32());
        Assert.Equal("CPU", report.GetProperty("provider").GetString());
        Assert.Equal("32x32", report.GetProperty("inputSize").GetString());
        var bare = report.GetProperty("bareRunMs").GetDouble();
        var pipeline = report.GetProperty("pipelineMs").GetDouble();
        Assert.True(bare > 0 && pipeline > bare, $"bare {bare} ms, pipeline {pipeline} ms");
        var stages = report.GetProperty("stages");
        foreach (var stage in new[] { "decodeMs", "preprocessMs", "inferenceMs", "heatmapMs", "renderMs" })
        {
            Assert.True(stages.GetProperty(stage).GetDouble() > 0, stage);
        }

        Assert.True(report.GetProperty("heatmapOverInference").GetDouble() > 0);
        var pipelineOverBare = report.GetProperty("pipelineOverBare").GetDouble();
        Assert.True(pipelineOverBare > 0);
        Assert.True(report.GetProperty("pipelineWithRenderOverBare").GetDouble() > pipelineOverBare, "rendering PNGs adds time");
        Assert.Equal(1, report.GetProperty("batch1").GetProperty("batchSize").GetInt32());
        Assert.Equal(2, report.GetProperty("batchN").GetProperty("batchSize").GetInt32());
        Assert.True(report.GetProperty("batchN").GetProperty("pipelineImagesPerSecond").GetDouble() > 0);
        Assert.True(report.GetProperty("machine").GetProperty("cores").GetInt32() > 0);
    }

    [Fact]
    public async Task Text_report_prints_the_ratios_with_their_targets()
    {
        var run = await CliRun.Of("bench", "--model", _model.Directory, "--images", _images.Path, "--count", "1", "--rounds", "1");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("pipelineOverBare", run.Output);
        Assert.Contains("heatmapOverInference", run.Output);
        Assert.Contains("target <= 0.03", run.Output);
        Assert.Contains("batch 8", run.Output);
    }

    [Fact]
    public async Task A_folder_without_images_exits_3()
    {
        using var empty = new TempFolder();

        var run = await CliRun.Of("bench", "--model", _model.Directory, "--images", empty.Path);

        Assert.Equal(ExitCodes.UnusableInput, run.ExitCode);
    }

    [Fact]
    public async Task Profile_writes_onnx_runtimes_per_node_trace_of_the_model()
    {
        using var traces = new TempFolder();

        var run = await CliRun.Of("bench", "--model", _model.Directory, "--images", _images.Path, "--count", "1", "--rounds", "1", "--profile", System.IO.Path.Combine(traces.Path, "ncov"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var trace = Assert.Single(Directory.GetFiles(traces.Path, "ncov*.json"));
        Assert.Contains(trace, run.Error);
        using var events = JsonDocument.Parse(File.ReadAllText(trace));
        var nodes = events.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("cat").GetString() == "Node")
            .Select(e => e.GetProperty("args").GetProperty("op_name").GetString())
            .ToHashSet();
        Assert.Contains("Conv", nodes);
    }

    [Theory]
    [InlineData("use_tf32")]
    [InlineData("=1")]
    public async Task A_cuda_option_that_is_not_name_equals_value_exits_1(string option)
    {
        var run = await CliRun.Of("bench", "--model", _model.Directory, "--images", _images.Path, "--cuda-option", option);

        Assert.Equal(ExitCodes.InvalidArguments, run.ExitCode);
        Assert.Contains("NAME=VALUE", run.Error);
    }
}
