using System.CommandLine;
using NCovNet.Cli.Commands;

namespace NCovNet.Cli;

/// <summary>The `ncovnet` command tree. Each verb lives in its own *Command.cs file; exit codes are in <see cref="ExitCodes"/>.</summary>
public static class CliApp
{
    private static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "On an unexpected failure, print the stack trace too.",
        Recursive = true,
    };

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("nCoV-NET: screen frontal chest radiographs for COVID-19 vs other pneumonia.");
        root.Options.Add(Verbose);
        root.Subcommands.Add(new ScoreCommand());
        root.Subcommands.Add(new EvalCommand());
        root.Subcommands.Add(new BenchCommand());
        root.Subcommands.Add(InspectCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
            EnableDefaultExceptionHandler = false,
        };
        var parse = BuildRoot().Parse(args);
        try
        {
            return await parse.InvokeAsync(configuration);
        }
        catch (OperationCanceledException)
        {
            configuration.Error.WriteLine("cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            configuration.Error.WriteLine(parse.GetValue(Verbose) ? $"error: unexpected {e}" : $"error: unexpected {e.GetType().Name}: {OneLine(e.Message)}");
            return ExitCodes.UnexpectedFailure;
        }
    }

    private static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
