using System.Globalization;
using NCovNet.Core.Models;

namespace NCovNet.Training.Evaluation;

/// <summary>Prints named metrics as a fixed-width table (accuracy, sensitivity, specificity with their 95% intervals, balanced accuracy, AUC, confusion).</summary>
public static class MetricsTable
{
    public static IEnumerable<string> Format(IReadOnlyDictionary<string, ClassificationMetrics> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        yield return $"{"set",-34} {"n",4} {"acc",6} {"sens",6} {"sens 95% CI",-12} {"spec",6} {"spec 95% CI",-12} {"bal",6} {"prec",6} {"auc",6}  tp/fp/tn/fn";
        foreach (var (name, m) in metrics)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{name,-34} {m.Count,4} {m.Accuracy,6:0.000} {m.Sensitivity,6:0.000} {m.SensitivityInterval?.ToString() ?? "-",-12} {m.Specificity,6:0.000} {m.SpecificityInterval?.ToString() ?? "-",-12} {m.BalancedAccuracy,6:0.000} {m.Precision,6:0.000} {m.RocAuc,6:0.000}  {m.Confusion.Tp}/{m.Confusion.Fp}/{m.Confusion.Tn}/{m.Confusion.Fn}");
        }
    }
}
