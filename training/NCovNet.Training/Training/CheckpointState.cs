using NCovNet.Core.Preprocessing;

namespace NCovNet.Training.Training;

/// <summary>
/// state.json of a checkpoint: where in the plan training stands (the next phase and epoch to
/// run), the seed (with the epoch it fixes every random draw of the data loader), the LR range
/// lr-find chose, the best validation score so far, and the options and command of the run.
/// </summary>
public sealed record CheckpointState
{
    public required string Architecture { get; init; }

    public required IReadOnlyList<string> Classes { get; init; }

    /// <summary>The preprocessing of the phase that produced these weights.</summary>
    public required PreprocessingSpec Preprocessing { get; init; }

    public required TrainingOptions Options { get; init; }

    public required string Command { get; init; }

    public int Seed { get; init; }

    /// <summary>Index of the phase to run next.</summary>
    public int Phase { get; init; }

    /// <summary>Epoch within <see cref="Phase"/> to run next.</summary>
    public int EpochInPhase { get; init; }

    /// <summary>Epochs completed over the whole run.</summary>
    public int Epoch { get; init; }

    /// <summary>Optimizer steps completed within the current phase (the SGDR position).</summary>
    public long PhaseStep { get; init; }

    public double? PhaseMaxLr { get; init; }

    public double? PhaseMinLr { get; init; }

    public double BestScore { get; init; } = double.NegativeInfinity;

    public double BestLoss { get; init; } = double.PositiveInfinity;

    public int BestEpoch { get; init; }
}
