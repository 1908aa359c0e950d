using System.Globalization;
using NCovNet.Training.Reporting;

namespace NCovNet.Training.Training;

/// <summary>The console line printed after each epoch.</summary>
public static class EpochSummary
{
    public static string Format(EpochRecord r) => string.Create(
        CultureInfo.InvariantCulture,
        $"{r.Stage} epoch {r.Epoch}: lr {r.LearningRate:0.###E+0} train loss {r.TrainLoss:0.0000} acc {r.Train.Accuracy:P1} | val loss {r.ValLoss:0.0000} acc {r.Val.Accuracy:P1} sens {r.Val.Sensitivity:P1} spec {r.Val.Specificity:P1} prec {r.Val.Precision:P1} auc {r.Val.RocAuc:0.000} " +
        $"[tp {r.Val.Confusion.Tp} fp {r.Val.Confusion.Fp} tn {r.Val.Confusion.Tn} fn {r.Val.Confusion.Fn}] {r.Seconds:0}s");
}
