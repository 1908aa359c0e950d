namespace NCovNet.Training.Debiasing;

/// <summary>A closed range [Min, Max] from which a random enhancement factor is drawn uniformly.</summary>
public sealed record FactorRange(float Min, float Max)
{
    public static FactorRange Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var parts = text.Split(':', ',');
        if (parts.Length != 2
            || !float.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var min)
            || !float.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var max)
            || min > max)
        {
            throw new FormatException($"'{text}' is not a range MIN:MAX with MIN <= MAX.");
        }

        return new FactorRange(min, max);
    }

    public float Draw(Random random) => Min + ((Max - Min) * random.NextSingle());

    public override string ToString() => FormattableString.Invariant($"{Min}:{Max}");
}
