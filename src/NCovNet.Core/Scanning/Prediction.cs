using NCovNet.Core.Models;

namespace NCovNet.Core.Scanning;

/// <summary>
/// The label of one image: the positive class when its probability reaches the manifest's
/// decision threshold, otherwise the most probable of the other classes.
/// </summary>
public sealed record Prediction(int LabelIndex, string Label, double PositiveProbability, IReadOnlyDictionary<string, double> Probabilities)
{
    public static Prediction Decide(ModelManifest model, IReadOnlyList<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.Count != model.Classes.Count)
        {
            throw new ArgumentException($"{probabilities.Count} probabilities for {model.Classes.Count} classes.", nameof(probabilities));
        }

        var positive = IndexOf(model.Classes, model.PositiveClass);
        var label = positive;
        if (probabilities[positive] < model.DecisionThreshold)
        {
            label = Enumerable.Range(0, probabilities.Count).Where(i => i != positive).MaxBy(i => probabilities[i]);
        }

        var byName = model.Classes.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => probabilities[c.i]);
        return new Prediction(label, model.Classes[label], probabilities[positive], byName);
    }

    private static int IndexOf(IReadOnlyList<string> classes, string name)
    {
        for (var i = 0; i < classes.Count; i++)
        {
            if (classes[i] == name)
            {
                return i;
            }
        }

        throw new ArgumentException($"'{name}' is not one of the classes.", nameof(name));
    }
}
