using System.CommandLine;
using NCovNet.Training.Training;

namespace NCovNet.Training.Cli;

/// <summary>`train`: stage 1 and/or stage 2 as the options say; --resume continues the run folder's last checkpoint.</summary>
public static class TrainCommand
{
    public static Command Create(string[] args)
    {
        var binder = new TrainingOptionsBinder();
        var resume = new Option<bool>("--resume") { Description = "Continue from <output>/last after a crash or Ctrl-C" };
        var command = new Command("train", "Fine-tune a classifier with the debiasing dataloader (stage 1 head-only; stage 2 higher resolution, unfrozen, SGDR)");
        binder.AddTo(command);
        command.Options.Add(resume);
        command.SetAction(result =>
        {
            var options = binder.Bind(result);
            using var cancellation = new ConsoleCancellation();
            var run = new TrainingRun(options, CommandLineText.Of(args), Console.Out);
            var state = run.Run(result.GetValue(resume), cancellation.Token);
            Console.WriteLine(cancellation.Token.IsCancellationRequested
                ? $"Stopped at run epoch {state.Epoch}; continue with the same command and --resume."
                : FormattableString.Invariant($"Done: {state.Epoch} epoch(s); best val balanced accuracy {state.BestScore:P1} at epoch {state.BestEpoch} -> {Path.Combine(run.RunDirectory, "best")}"));
            return cancellation.Token.IsCancellationRequested ? 130 : 0;
        });
        return command;
    }
}
