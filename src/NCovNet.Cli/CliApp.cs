using System.CommandLine;
using NCovNet.Cli.Commands;

namespace NCovNet.Cli;

/// <summary>The `ncovnet` command tree. Each verb lives in its own *Command.cs file.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args) => await BuildRoot().Parse(args).InvokeAsync();

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("nCoV-NET: screen frontal chest radiographs for COVID-19 vs other pneumonia.");
        root.Subcommands.Add(InspectCommand.Create());
        return root;
    }
}
