using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NCovNet.Core.Models;
using NCovNet.Core.Scanning;

namespace NCovNet.Cli.Commands;

/// <summary>`ncovnet score PATH...`: label, COVID-19 probability and heatmaps for files and folders.</summary>
public sealed class ScoreCommand : Command
{
    private readonly EngineCommandOptions _engine = new();

    private readonly Argument<string[]> _paths = new("paths")
    {
        Description = "Image files (PNG, JPEG, DICOM) or folders to search recursively.",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<string?> _out = new("--out", "-o")
    {
        Description = "Folder for one result JSON, overlay PNG and map PNG per image.",
    };

    private readonly Option<bool> _json = new("--json")
    {
        Description = "Print the results as a JSON array instead of a table.",
    };

    public ScoreCommand()
        : base("score", "Score chest radiographs: label, COVID-19 probability and Grad-CAM heatmaps.")
    {
        Arguments.Add(_paths);
        Options.Add(_out);
        Options.Add(_json);
        _engine.AddTo(this);
        SetAction((parse, cancellationToken) => Task.FromResult(Run(parse, cancellationToken)));
    }

    private int Run(ParseResult parse, CancellationToken cancellationToken)
    {
        var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        var files = ImageFiles.Expand(parse.GetValue(_paths)!, out var missing);
        if (files is null || files.Count == 0)
        {
            error.WriteLine(files is null ? $"error: '{missing}' does not exist." : "error: no PNG, JPEG or DICOM files found.");
            return ExitCodes.UnusableInput;
        }

        var outDir = parse.GetValue(_out);
        using var scanner = _engine.LoadScanner(parse, renderHeatmaps: outDir is not null);
        if (scanner is null)
        {
            return ExitCodes.ModelUnavailable;
        }

        if (outDir is not null)
        {
            Directory.CreateDirectory(outDir);
        }

        var results = new List<FileResult>(files.Count);
        var names = new OutputNames();
        using (var progress = new ProgressBar(error, files.Count))
        {
            foreach (var chunk in files.Chunk(Math.Max(1, parse.GetValue(_engine.Batch))))
            {
                var readErrors = new string?[chunk.Length];
                var images = chunk.Select((file, i) => Read(file, out readErrors[i])).ToArray();
                var outcomes = scanner.ScanBatch(images, cancellationToken);
                for (var i = 0; i < chunk.Length; i++)
                {
                    var result = readErrors[i] is { } message
                        ? new ScanResult { Status = ScanResult.Failed, Error = new ScanError("unreadable", message) }
                        : outcomes[i].Result;
                    results.Add(new FileResult(chunk[i], result));
                    if (outDir is not null)
                    {
                        Write(outDir, names.StemFor(chunk[i]), result, outcomes[i].Heatmaps);
                    }
                }

                progress.Advance(chunk.Length);
            }
        }

        if (parse.GetValue(_json))
        {
            output.WriteLine(JsonSerializer.Serialize(results, ModelJson.Options));
        }
        else
        {
            WriteTable(output, results);
        }

        return results.Any(r => r.Result.Status != ScanResult.Succeeded) ? ExitCodes.SomeImagesFailed : ExitCodes.Success;
    }

    private static ReadOnlyMemory<byte> Read(string file, out string? error)
    {
        try
        {
            error = null;
            return File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"'{file}' could not be read: {e.Message}";
            return ReadOnlyMemory<byte>.Empty;
        }
    }

    private static void Write(string outDir, string stem, ScanResult result, HeatmapImages? heatmaps)
    {
        File.WriteAllText(Path.Combine(outDir, stem + ".json"), JsonSerializer.Serialize(result, ModelJson.Options) + "\n");
        if (heatmaps is not null)
        {
            File.WriteAllBytes(Path.Combine(outDir, stem + ".overlay.png"), heatmaps.OverlayPng);
            File.WriteAllBytes(Path.Combine(outDir, stem + ".map.png"), heatmaps.MapPng);
        }
    }

    private static void WriteTable(TextWriter output, IReadOnlyList<FileResult> results)
    {
        var table = new TextTable("FILE", "LABEL", "P(POSITIVE)", "TIME MS", "NOTES");
        foreach (var (file, result) in results)
        {
            var time = result.Timings is { } t ? (t.DecodeMs + t.PreprocessMs + t.InferenceMs + t.HeatmapMs + t.RenderMs).ToString("F1", CultureInfo.InvariantCulture) : "-";
            var notes = result.Error is { } e ? $"{e.Code}: {e.Message}" : string.Join("; ", result.Warnings.Select(w => w.Split(':')[0]));
            table.Add(file, result.Label ?? "FAILED", result.Probability?.ToString("F4", CultureInfo.InvariantCulture) ?? "-", time, notes);
        }

        table.Write(output);
        var failed = results.Count(r => r.Result.Status != ScanResult.Succeeded);
        output.WriteLine($"{results.Count} image(s), {results.Count - failed} scored, {failed} failed.");
    }

    private sealed record FileResult(string File, ScanResult Result);
}
