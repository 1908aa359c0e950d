namespace NCovNet.Training.Probe;

/// <summary>The chosen penalty and every candidate's pooled out-of-fold scores.</summary>
public sealed record L2SearchResult(double Chosen, int Folds, IReadOnlyList<L2Score> Scores)
{
    /// <summary>True when the smallest or largest candidate won: the best penalty may lie outside the grid.</summary>
    public bool ChosenAtEdge => Chosen == Scores.Min(s => s.L2) || Chosen == Scores.Max(s => s.L2);
}
