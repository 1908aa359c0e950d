using System.CommandLine;
using System.Globalization;
using NCovNet.Core.Evaluation;
using NCovNet.Core.Models;
using NCovNet.Core.Scanning;

namespace NCovNet.Cli.Commands;

/// <summary>`ncovnet eval --labels CSV`: scores a labelled set and prints the binary metrics, the positive class as positive.</summary>
public sealed class EvalCommand : Command
{
    private readonly EngineCommandOptions _engine = new();

    private readonly Option<string> _labels = new("--labels")
    {
        Description = "labels.csv with filename, label and (optionally) split columns.",
        Required = true,
    };

    private readonly Option<string?> _root = new("--root")
    {
        Description = "Folder the filenames are relative to (default: the CSV's folder).",
    };

    private readonly Option<string?> _split = new("--split")
    {
        Description = "Only rows whose split column equals this (e.g. val).",
    };

    private readonly Option<bool> _json = new("--json")
    {
        Description = "Print the metrics as one JSON object.",
    };

    public EvalCommand()
        : base("eval", "Evaluate the model on a labelled set: accuracy, sensitivity, specificity, precision, F1, ROC AUC, confusion.")
    {
        Options.Add(_labels);
        Options.Add(_root);
        Options.Add(_split);
        Options.Add(_json);
        _engine.AddTo(this);
        SetAction((parse, cancellationToken) => Task.FromResult(Run(parse, cancellationToken)));
    }

    private int Run(ParseResult parse, CancellationToken cancellationToken)
    {
        var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        var labelsPath = parse.GetValue(_labels)!;
        if (!File.Exists(labelsPath))
        {
            error.WriteLine($"error: labels file '{labelsPath}' does not exist.");
            return ExitCodes.UnusableInput;
        }

        IReadOnlyList<LabelledImage> rows;
        try
        {
            rows = LabelsCsv.Read(labelsPath);
        }
        catch (FormatException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.UnusableInput;
        }

        var split = parse.GetValue(_split);
        var selected = rows.Where(r => split is null || r.Split == split).ToList();
        if (selected.Count == 0)
        {
            error.WriteLine(split is null ? $"error: {labelsPath} lists no images." : $"error: no rows of {labelsPath} have split '{split}'.");
            return ExitCodes.UnusableInput;
        }

        using var scanner = _engine.LoadScanner(parse, renderHeatmaps: false);
        if (scanner is null)
        {
            return ExitCodes.ModelUnavailable;
        }

        if (LabelsCsv.UnknownLabels(selected, scanner.Model.Classes) is { } unknownLabels)
        {
            error.WriteLine($"error: {labelsPath}: {unknownLabels}");
            return ExitCodes.UnusableInput;
        }

        var root = parse.GetValue(_root) ?? Path.GetDirectoryName(Path.GetFullPath(labelsPath))!;
        var listedTwice = selected.GroupBy(r => Path.GetFullPath(Path.Combine(root, r.FileName))).Count(g => g.Count() > 1);
        if (listedTwice > 0)
        {
            error.WriteLine($"warning: {listedTwice} file(s) are listed more than once; every row is scored and counted.");
        }

        var (actual, scores, failures) = Score(scanner, selected, root, error, Math.Max(1, parse.GetValue(_engine.Batch)), cancellationToken);
        foreach (var (file, message) in failures)
        {
            error.WriteLine($"failed: {file}: {message}");
        }

        if (scores.Count == 0)
        {
            error.WriteLine("error: no image could be scored.");
            return ExitCodes.SomeImagesFailed;
        }

        var metrics = BinaryMetrics.Compute(actual, scores, scanner.Model.DecisionThreshold);
        var report = EvaluationReport.From(metrics, scanner.Model, split, failures.Count);
        if (parse.GetValue(_json))
        {
            output.WriteLine(report.ToJson());
        }
        else
        {
            report.WriteText(output);
        }

        return failures.Count > 0 ? ExitCodes.SomeImagesFailed : ExitCodes.Success;
    }

    private static (List<bool> Actual, List<double> Scores, List<(string File, string Message)> Failures) Score(
        RadiographScanner scanner, List<LabelledImage> rows, string root, TextWriter error, int batch, CancellationToken cancellationToken)
    {
        var positive = scanner.Model.PositiveClass;
        var (actual, scores, failures) = (new List<bool>(), new List<double>(), new List<(string, string)>());
        using var progress = new ProgressBar(error, rows.Count);
        foreach (var chunk in rows.Chunk(batch))
        {
            var paths = chunk.Select(r => Path.Combine(root, r.FileName)).ToArray();
            var present = Enumerable.Range(0, chunk.Length).Where(i => File.Exists(paths[i])).ToArray();
            var outcomes = scanner.ScanBatch(present.Select(i => (ReadOnlyMemory<byte>)File.ReadAllBytes(paths[i])).ToArray(), cancellationToken);
            var results = new ScanResult?[chunk.Length];
            foreach (var (position, outcome) in present.Zip(outcomes))
            {
                results[position] = outcome.Result;
            }

            for (var i = 0; i < chunk.Length; i++)
            {
                if (results[i] is not { } result)
                {
                    failures.Add((paths[i], "file not found"));
                }
                else if (result.Status != ScanResult.Succeeded)
                {
                    failures.Add((paths[i], $"{result.Error!.Code}: {result.Error.Message}"));
                }
                else
                {
                    actual.Add(chunk[i].Label == positive);
                    scores.Add(result.Probability!.Value);
                }
            }

            progress.Advance(chunk.Length);
        }

        return (actual, scores, failures);
    }
}
