namespace NCovNet.Training.Probe;

/// <summary>The chosen penalty and every candidate's pooled out-of-fold scores.</summary>
public sealed record L2SearchResult(double Chosen, int Folds, IReadOnlyList<L2Score> Scores);
