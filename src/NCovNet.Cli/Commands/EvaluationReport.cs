using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NCovNet.Core.Models;
using NCovNet.Core.Scanning;

namespace NCovNet.Cli.Commands;

/// <summary>
/// What `ncovnet eval` prints: the core's <see cref="ClassificationMetrics"/> and what was evaluated.
/// In JSON the metrics' fields stand at the top level, as in model.json's metrics, followed by the report's own.
/// </summary>
public sealed record EvaluationReport
{
    public required ClassificationMetrics Metrics { get; init; }

    /// <summary>Images that could not be scored (left out of the metrics).</summary>
    public required int Failed { get; init; }

    public required string PositiveClass { get; init; }

    public required double DecisionThreshold { get; init; }

    public string? Split { get; init; }

    public required ModelIdentity Model { get; init; }

    public static EvaluationReport From(ClassificationMetrics metrics, ModelManifest model, string? split, int failed) => new()
    {
        Metrics = metrics,
        Failed = failed,
        PositiveClass = model.PositiveClass,
        DecisionThreshold = model.DecisionThreshold,
        Split = split,
        Model = new ModelIdentity(model.Name, model.Version, model.OnnxSha256),
    };

    /// <summary>The report as JSON with the metrics' fields lifted to the top level.</summary>
    public string ToJson()
    {
        var report = JsonSerializer.SerializeToNode(this, ModelJson.Options)!.AsObject();
        var metricsName = ModelJson.Options.PropertyNamingPolicy!.ConvertName(nameof(Metrics));
        var json = (JsonObject)report[metricsName]!.DeepClone();
        report.Remove(metricsName);
        foreach (var (name, value) in report)
        {
            json[name] = value?.DeepClone();
        }

        return json.ToJsonString(ModelJson.Options);
    }

    public void WriteText(TextWriter output)
    {
        static string Interval(Core.Evaluation.ProportionInterval? interval) => interval is null ? "" : $"  (95% CI {interval})";
        static string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
        var confusion = Metrics.Confusion;
        output.WriteLine($"Model {Model.Name} {Model.Version}, positive class '{PositiveClass}', threshold {DecisionThreshold.ToString(CultureInfo.InvariantCulture)}{(Split is null ? "" : $", split '{Split}'")}");
        output.WriteLine($"Images      {Metrics.Count}{(Failed > 0 ? $" (+{Failed} failed, not counted)" : "")}");
        output.WriteLine($"Accuracy    {F(Metrics.Accuracy)}");
        output.WriteLine($"Sensitivity {F(Metrics.Sensitivity)}{Interval(Metrics.SensitivityInterval)}");
        output.WriteLine($"Specificity {F(Metrics.Specificity)}{Interval(Metrics.SpecificityInterval)}");
        output.WriteLine($"Precision   {F(Metrics.Precision)}");
        output.WriteLine($"F1          {F(Metrics.F1)}");
        output.WriteLine($"ROC AUC     {(Metrics.RocAuc is { } auc ? F(auc) : "n/a (one class only)")}");
        output.WriteLine("Confusion   predicted+  predicted-");
        output.WriteLine($"  actual+   {confusion.Tp,10}  {confusion.Fn,10}");
        output.WriteLine($"  actual-   {confusion.Fp,10}  {confusion.Tn,10}");
    }
}
