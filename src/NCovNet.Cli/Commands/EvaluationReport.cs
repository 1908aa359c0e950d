using System.Globalization;
using NCovNet.Core.Models;
using NCovNet.Core.Scanning;

namespace NCovNet.Cli.Commands;

/// <summary>What `ncovnet eval` prints: the metrics (camelCase in JSON), the confusion counts and what was evaluated.</summary>
public sealed record EvaluationReport
{
    public required int Count { get; init; }

    public required double Accuracy { get; init; }

    public required double Sensitivity { get; init; }

    public required double Specificity { get; init; }

    public required double Precision { get; init; }

    public required double F1 { get; init; }

    /// <summary>Null when the set holds only one class.</summary>
    public required double? RocAuc { get; init; }

    public required ConfusionCounts Confusion { get; init; }

    /// <summary>Images that could not be scored (left out of the metrics).</summary>
    public required int Failed { get; init; }

    public required string PositiveClass { get; init; }

    public required double DecisionThreshold { get; init; }

    public string? Split { get; init; }

    public required ModelIdentity Model { get; init; }

    public static EvaluationReport From(ClassificationMetrics metrics, ModelManifest model, string? split, int failed) => new()
    {
        Count = metrics.Count,
        Accuracy = metrics.Accuracy,
        Sensitivity = metrics.Sensitivity,
        Specificity = metrics.Specificity,
        Precision = metrics.Precision,
        F1 = metrics.F1,
        RocAuc = metrics.RocAuc,
        Confusion = new ConfusionCounts(metrics.Confusion.Tp, metrics.Confusion.Fp, metrics.Confusion.Tn, metrics.Confusion.Fn),
        Failed = failed,
        PositiveClass = model.PositiveClass,
        DecisionThreshold = model.DecisionThreshold,
        Split = split,
        Model = new ModelIdentity(model.Name, model.Version, model.OnnxSha256),
    };

    public void WriteText(TextWriter output)
    {
        static string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
        output.WriteLine($"Model {Model.Name} {Model.Version}, positive class '{PositiveClass}', threshold {DecisionThreshold.ToString(CultureInfo.InvariantCulture)}{(Split is null ? "" : $", split '{Split}'")}");
        output.WriteLine($"Images      {Count}{(Failed > 0 ? $" (+{Failed} failed, not counted)" : "")}");
        output.WriteLine($"Accuracy    {F(Accuracy)}");
        output.WriteLine($"Sensitivity {F(Sensitivity)}");
        output.WriteLine($"Specificity {F(Specificity)}");
        output.WriteLine($"Precision   {F(Precision)}");
        output.WriteLine($"F1          {F(F1)}");
        output.WriteLine($"ROC AUC     {(RocAuc is { } auc ? F(auc) : "n/a (one class only)")}");
        output.WriteLine("Confusion   predicted+  predicted-");
        output.WriteLine($"  actual+   {Confusion.Tp,10}  {Confusion.Fn,10}");
        output.WriteLine($"  actual-   {Confusion.Fp,10}  {Confusion.Tn,10}");
    }
}

/// <summary>Confusion matrix counts, serialised as {tp, fp, tn, fn}.</summary>
public sealed record ConfusionCounts(int Tp, int Fp, int Tn, int Fn);
