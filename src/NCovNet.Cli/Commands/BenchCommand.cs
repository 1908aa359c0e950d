using System.CommandLine;
using System.Text.Json;
using NCovNet.Core.Models;
using NCovNet.Core.Scanning;

namespace NCovNet.Cli.Commands;

/// <summary>`ncovnet bench`: bare inference against the full pipeline on the same images, with the engine's target ratios.</summary>
public sealed class BenchCommand : Command
{
    private readonly EngineCommandOptions _engine = new();

    private readonly Option<string?> _images = new("--images")
    {
        Description = "Folder of radiographs to time (default: ../shared/data/cxr/images beside the repository).",
    };

    private readonly Option<int> _count = new("--count")
    {
        Description = "How many images of the folder to use (the first, in name order).",
        DefaultValueFactory = _ => 16,
    };

    private readonly Option<int> _rounds = new("--rounds")
    {
        Description = "Timed passes over the images per measurement.",
        DefaultValueFactory = _ => 3,
    };

    private readonly Option<bool> _json = new("--json")
    {
        Description = "Print the report as one JSON object.",
    };

    private readonly Option<string?> _profile = new("--profile")
    {
        Description = "Write ONNX Runtime's per-node profile (Chrome trace JSON, load-time warm-up included) to a file starting with this prefix.",
    };

    public BenchCommand()
        : base("bench", "Time bare session.Run against the full pipeline (decode, preprocess, inference, heatmap, PNGs) on the same images.")
    {
        Options.Add(_images);
        Options.Add(_count);
        Options.Add(_rounds);
        Options.Add(_json);
        Options.Add(_profile);
        _engine.AddTo(this);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        var folder = parse.GetValue(_images) ?? DefaultImages();
        var files = folder is null ? null : ImageFiles.Expand([folder], out _);
        if (files is null || files.Count == 0)
        {
            error.WriteLine($"error: no images to time in '{folder ?? "(none)"}'; pass --images DIR.");
            return ExitCodes.UnusableInput;
        }

        var profile = parse.GetValue(_profile);
        using var scanner = _engine.LoadScanner(parse, renderHeatmaps: true, profile);
        if (scanner is null)
        {
            return ExitCodes.ModelUnavailable;
        }

        var images = files.Take(Math.Max(1, parse.GetValue(_count))).Select(File.ReadAllBytes)
            .Where(bytes => scanner.Scan(bytes).Result.Status == ScanResult.Succeeded)
            .ToList();
        if (images.Count == 0)
        {
            error.WriteLine($"error: none of the images in '{folder}' could be scored.");
            return ExitCodes.SomeImagesFailed;
        }

        var rounds = Math.Max(1, parse.GetValue(_rounds));
        BenchReport report;
        using (var progress = new ProgressBar(error, 3 * rounds))
        {
            var batchSize = Math.Max(1, parse.GetValue(_engine.Batch));
            report = new PipelineBenchmark(scanner, images, batchSize, rounds, progress).Run();
        }

        if (parse.GetValue(_json))
        {
            output.WriteLine(JsonSerializer.Serialize(report, ModelJson.Options));
        }
        else
        {
            report.WriteText(output);
        }

        if (profile is not null)
        {
            error.WriteLine($"ONNX Runtime profile: {scanner.Session.EndProfiling()}");
        }

        return ExitCodes.Success;
    }

    private static string? DefaultImages()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "data", "cxr", "images");
            if (File.Exists(Path.Combine(dir.FullName, "NCovNet.Functions.sln")) && Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }
}
