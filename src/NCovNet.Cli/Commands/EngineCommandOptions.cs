using System.CommandLine;
using NCovNet.Core.Inference;
using NCovNet.Core.Models;
using NCovNet.Core.Scanning;

namespace NCovNet.Cli.Commands;

/// <summary>The options every scoring verb shares (model, provider, threads, batch) and loading the scanner from them.</summary>
public sealed class EngineCommandOptions
{
    public Option<string?> Model { get; } = new("--model", "-m")
    {
        Description = "Model package folder (model.onnx + model.json). Default: the bundled models/default.",
    };

    public Option<ExecutionProvider> Provider { get; } = new("--provider")
    {
        Description = "Execution provider: auto (CUDA when present), cpu or cuda (falls back to CPU with a warning).",
        DefaultValueFactory = _ => ExecutionProvider.Auto,
    };

    public Option<int> Threads { get; } = new("--threads")
    {
        Description = "Intra-op threads of the CPU provider (0 = one per core).",
    };

    public Option<int> Batch { get; } = new("--batch")
    {
        Description = "Images per ONNX Run.",
        DefaultValueFactory = _ => 8,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Model);
        command.Options.Add(Provider);
        command.Options.Add(Threads);
        command.Options.Add(Batch);
    }

    /// <summary>The scanner, or null after writing why to the error stream (exit with <see cref="ExitCodes.ModelUnavailable"/>).</summary>
    public RadiographScanner? LoadScanner(ParseResult parse, bool renderHeatmaps)
    {
        var error = parse.InvocationConfiguration.Error;
        var directory = ModelLocator.Resolve(parse.GetValue(Model), out var searched);
        if (directory is null)
        {
            error.WriteLine($"error: no --model given and the default model package ({ModelLocator.DefaultRelative}) was not found.");
            error.WriteLine($"       Looked in: {string.Join(", ", searched)}");
            error.WriteLine("       Pass --model DIR with a folder holding model.onnx and model.json.");
            return null;
        }

        var options = new EngineOptions
        {
            ModelDirectory = directory,
            RenderHeatmaps = renderHeatmaps,
            Inference = new InferenceOptions
            {
                Provider = parse.GetValue(Provider),
                IntraOpThreads = parse.GetValue(Threads),
                MaxBatchSize = Math.Max(1, parse.GetValue(Batch)),
            },
        };
        try
        {
            return RadiographScanner.Load(options, new ErrorStreamLogger<RadiographScanner>(error));
        }
        catch (ModelPackageException e)
        {
            error.WriteLine($"error: {e.Message}");
            return null;
        }
    }
}
