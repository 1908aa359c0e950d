using System.CommandLine;

namespace NCovNet.Training.Cli;

/// <summary>The `ncovnet-train` command tree; each verb lives in its own *Command.cs file.</summary>
public static class TrainingCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("nCoV-NET training: lr-find, train (two stages, debiasing dataloader), evaluate, probe (linear baseline), export, downscale.")
        {
            LrFindCommand.Create(),
            TrainCommand.Create(args),
            EvaluateCommand.Create(),
            ProbeCommand.Create(args),
            ExportCommand.Create(args),
            DownscaleCommand.Create(),
        };
        return await root.Parse(args).InvokeAsync();
    }
}
