using NCovNet.Core.Tests.Fixtures;

namespace NCovNet.Cli.Tests;

/// <summary>A failure no verb anticipates (here: --out names a file, so its folder cannot be created) gets its own exit code and one line on stderr.</summary>
public sealed class UnexpectedFailureTests : IDisposable
{
    private readonly TestPackage _model = new();
    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        _model.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Exits_5_with_one_line_naming_the_failure_and_no_stack_trace()
    {
        var notAFolder = _temp.Combine("results");
        File.WriteAllText(notAFolder, "a file where --out expects a folder");

        var run = await CliRun.Of("score", EngineImages.SmallPng, "--model", _model.Directory, "--out", notAFolder);

        Assert.Equal(ExitCodes.UnexpectedFailure, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines, l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.StartsWith("error: unexpected IOException: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.Contains(notAFolder, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verbose_adds_the_stack_trace()
    {
        var notAFolder = _temp.Combine("results");
        File.WriteAllText(notAFolder, "a file where --out expects a folder");

        var run = await CliRun.Of("score", EngineImages.SmallPng, "--model", _model.Directory, "--out", notAFolder, "--verbose");

        Assert.Equal(ExitCodes.UnexpectedFailure, run.ExitCode);
        Assert.Contains("at NCovNet.Cli.Commands.ScoreCommand.Run", run.Error, StringComparison.Ordinal);
    }
}
