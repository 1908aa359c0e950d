using System.CommandLine;

namespace NCovNet.Cli;

/// <summary>The `ncovnet` command tree. Each verb lives in its own *Command.cs file.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("nCoV-NET: screen frontal chest radiographs for COVID-19 vs other pneumonia.");
        return await root.Parse(args).InvokeAsync();
    }
}
