using System.CommandLine;
using NCovNet.Cli.Commands;

namespace NCovNet.Cli;

/// <summary>The `ncovnet` command tree. Each verb lives in its own *Command.cs file; exit codes are in <see cref="ExitCodes"/>.</summary>
public static class CliApp
{
    public static RootCommand Create() =>
        new("nCoV-NET: screen frontal chest radiographs for COVID-19 vs other pneumonia.")
        {
            new ScoreCommand(),
            new EvalCommand(),
            new BenchCommand(),
        };

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
        };
        return await Create().Parse(args).InvokeAsync(configuration);
    }
}
