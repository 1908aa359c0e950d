using System.Globalization;
using NCovNet.Core.Models;

namespace NCovNet.Training.Reporting;

/// <summary>
/// metrics.csv: one row per epoch, appended as training goes. On resume, rows from epochs
/// that will be run again are dropped first so that no epoch appears twice.
/// </summary>
public sealed class EpochLog(string path)
{
    private static readonly string[] MetricColumns = ["loss", "accuracy", "recall", "precision", "specificity", "auc", "tp", "fp", "tn", "fn"];

    public static string Header { get; } = string.Join(',', new[] { "stage", "epoch", "lr" }
        .Concat(MetricColumns.Select(c => "train_" + c))
        .Concat(MetricColumns.Select(c => "val_" + c))
        .Append("seconds"));

    public string Path { get; } = path;

    public void Append(EpochRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!File.Exists(Path))
        {
            File.WriteAllText(Path, Header + "\n");
        }

        var fields = new List<string> { record.Stage, record.Epoch.ToString(CultureInfo.InvariantCulture), Format(record.LearningRate) };
        fields.AddRange(Metrics(record.TrainLoss, record.Train));
        fields.AddRange(Metrics(record.ValLoss, record.Val));
        fields.Add(Format(record.Seconds));
        File.AppendAllText(Path, string.Join(',', fields) + "\n");
    }

    /// <summary>Keeps the header and the rows of epochs before <paramref name="epoch"/>.</summary>
    public void TruncateFrom(int epoch)
    {
        if (!File.Exists(Path))
        {
            return;
        }

        var kept = File.ReadAllLines(Path)
            .Where((line, i) => i == 0 || int.Parse(line.Split(',')[1], CultureInfo.InvariantCulture) < epoch)
            .ToList();
        File.WriteAllLines(Path, kept);
    }

    /// <summary>Reads the rows back as (stage, epoch, column name -> value) for plotting.</summary>
    public IReadOnlyList<(string Stage, int Epoch, IReadOnlyDictionary<string, double> Values)> Read()
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        var lines = File.ReadAllLines(Path);
        var header = lines[0].Split(',');
        return lines.Skip(1).Where(l => l.Length > 0).Select(line =>
        {
            var fields = line.Split(',');
            var values = new Dictionary<string, double>();
            for (var i = 2; i < header.Length; i++)
            {
                values[header[i]] = double.Parse(fields[i], CultureInfo.InvariantCulture);
            }

            return (fields[0], int.Parse(fields[1], CultureInfo.InvariantCulture), (IReadOnlyDictionary<string, double>)values);
        }).ToList();
    }

    private static IEnumerable<string> Metrics(double loss, ClassificationMetrics m) =>
    [
        Format(loss), Format(m.Accuracy), Format(m.Sensitivity), Format(m.Precision), Format(m.Specificity), Format(m.RocAuc ?? double.NaN),
        m.Confusion.Tp.ToString(CultureInfo.InvariantCulture), m.Confusion.Fp.ToString(CultureInfo.InvariantCulture),
        m.Confusion.Tn.ToString(CultureInfo.InvariantCulture), m.Confusion.Fn.ToString(CultureInfo.InvariantCulture),
    ];

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
