using System.CommandLine;
using NCovNet.Core.Inference;
using NCovNet.Core.Models;
using NCovNet.Core.Scanning;

namespace NCovNet.Cli.Commands;

/// <summary>The options every scoring verb shares (model, provider, threads, batch, overlay opacity) and loading the scanner from them.</summary>
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

    public Option<double> Opacity { get; } = new("--opacity")
    {
        Description = "Weight of the JET colours in the overlay heatmap, 0 (the radiograph alone) to 1 (the colours alone).",
        DefaultValueFactory = _ => EngineOptions.DefaultHeatmapOpacity,
        Validators = { ValidateOpacity },
    };

    public Option<string[]> CudaOptions { get; } = new("--cuda-option")
    {
        Description = "ONNX Runtime CUDA provider option NAME=VALUE, repeatable (e.g. use_tf32=1, prefer_nhwc=1, cudnn_conv_use_max_workspace=1).",
        Validators = { ValidateCudaOptions },
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Model);
        command.Options.Add(Provider);
        command.Options.Add(Threads);
        command.Options.Add(Batch);
        command.Options.Add(CudaOptions);
        command.Options.Add(Opacity);
    }

    /// <summary>The scanner, or null after writing why to the error stream (exit with <see cref="ExitCodes.ModelUnavailable"/>).</summary>
    /// <param name="profilePrefix">Where ONNX Runtime's per-node profile goes, or null for none.</param>
    public RadiographScanner? LoadScanner(ParseResult parse, bool renderHeatmaps, string? profilePrefix = null)
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
            HeatmapOpacity = parse.GetValue(Opacity),
            Inference = new InferenceOptions
            {
                Provider = parse.GetValue(Provider),
                IntraOpThreads = parse.GetValue(Threads),
                MaxBatchSize = Math.Max(1, parse.GetValue(Batch)),
                CudaProviderOptions = (parse.GetValue(CudaOptions) ?? []).Select(SplitOption).ToDictionary(),
                ProfilePrefix = profilePrefix,
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

    private static void ValidateOpacity(System.CommandLine.Parsing.OptionResult result)
    {
        if (result.GetValueOrDefault<double>() is < 0 or > 1 or double.NaN)
        {
            result.AddError("--opacity must lie between 0 and 1.");
        }
    }

    private static void ValidateCudaOptions(System.CommandLine.Parsing.OptionResult result)
    {
        foreach (var token in result.Tokens.Where(token => SplitOption(token.Value) is not { Key.Length: > 0, Value.Length: > 0 }))
        {
            result.AddError($"--cuda-option '{token.Value}' is not NAME=VALUE.");
        }
    }

    private static KeyValuePair<string, string> SplitOption(string option)
    {
        var equals = option.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? new(option, "") : new(option[..equals].Trim(), option[(equals + 1)..].Trim());
    }
}
