namespace NCovNet.Training.Data;

/// <summary>Refuses a data set in which one patient group has images in two splits (the validation score would leak).</summary>
public static class PatientSplitGuard
{
    public static void EnsureDisjoint(IEnumerable<LabeledImage> images, string sourceName)
    {
        var leaking = images
            .GroupBy(i => i.PatientGroup, StringComparer.Ordinal)
            .Select(g => (Group: g.Key, Splits: g.Select(i => i.Split).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()))
            .Where(g => g.Splits.Count > 1)
            .ToList();
        if (leaking.Count == 0)
        {
            return;
        }

        var examples = string.Join("; ", leaking.Take(5).Select(g => $"'{g.Group}' in {string.Join(" and ", g.Splits)}"));
        throw new DatasetException($"Data set '{sourceName}' has {leaking.Count} patient group(s) in more than one split ({examples}). Split by patient and try again.");
    }
}
