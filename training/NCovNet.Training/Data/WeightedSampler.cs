namespace NCovNet.Training.Data;

/// <summary>Draws an epoch's image order: with replacement by weight, or a plain shuffle when weights are uniform.</summary>
public static class WeightedSampler
{
    public static int[] Draw(IReadOnlyList<double> weights, int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (weights.Count == 0)
        {
            return [];
        }

        var cumulative = new double[weights.Count];
        double sum = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            sum += weights[i];
            cumulative[i] = sum;
        }

        var draws = new int[count];
        for (var k = 0; k < count; k++)
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble() * sum);
            draws[k] = Math.Min(index < 0 ? ~index : index, weights.Count - 1);
        }

        return draws;
    }

    public static int[] Shuffle(int count, Random random)
    {
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        return order;
    }
}
