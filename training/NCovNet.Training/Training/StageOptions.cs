namespace NCovNet.Training.Training;

/// <summary>
/// One stage of the paper's schedule. Stage 1: <see cref="FrozenEpochs"/> head-only epochs at
/// <see cref="Lr"/>. Stage 2: frozen epochs, then <see cref="UnfrozenEpochs"/> with the last
/// <see cref="UnfreezeStages"/> backbone stages trainable (-1: all), LR from lr-find (or
/// <see cref="MaxLr"/>/<see cref="MinLr"/>) under SGDR.
/// </summary>
public sealed record StageOptions
{
    public bool Enabled { get; init; } = true;

    public int Size { get; init; } = 224;

    public int BatchSize { get; init; } = 16;

    public int FrozenEpochs { get; init; } = 40;

    public double Lr { get; init; } = 1e-2;

    public int UnfrozenEpochs { get; init; }

    /// <summary>How many backbone stages (counted from the last) train once unfrozen; -1 means all.</summary>
    public int UnfreezeStages { get; init; } = -1;

    /// <summary>SGDR maximum; null runs lr-find at the unfreeze and takes its suggestion.</summary>
    public double? MaxLr { get; init; }

    /// <summary>SGDR minimum; null means <see cref="MaxLr"/> / 100.</summary>
    public double? MinLr { get; init; }

    /// <summary>Steps of the lr-find run at the unfreeze when <see cref="MaxLr"/> is null (the paper: 170).</summary>
    public int LrFindIterations { get; init; } = 170;

    /// <summary>SGDR's first period in epochs (T_0).</summary>
    public int SgdrFirstPeriod { get; init; } = 1;

    /// <summary>SGDR's period multiplier (T_mult).</summary>
    public int SgdrPeriodMultiplier { get; init; } = 2;

    public static StageOptions PaperStage1 { get; } = new() { Size = 224, BatchSize = 16, FrozenEpochs = 40, Lr = 1e-2 };

    public static StageOptions PaperStage2 { get; } = new() { Size = 448, BatchSize = 8, FrozenEpochs = 20, Lr = 1e-2, UnfrozenEpochs = 60 };
}
