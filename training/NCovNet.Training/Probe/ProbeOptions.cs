using NCovNet.Training.Training;

namespace NCovNet.Training.Probe;

/// <summary>What `probe` measures: which data, which frozen backbone at which size, and how the penalty is set.</summary>
public sealed record ProbeOptions
{
    /// <summary>Labelled sets as "name=path", as for `train`.</summary>
    public IReadOnlyList<string> Data { get; init; } = [];

    /// <summary>Sources whose train split fits the probe; empty: all of them. Validation always uses every source.</summary>
    public IReadOnlyList<string> TrainSources { get; init; } = [];

    /// <summary>"cntk", "none", a checkpoint folder or a state-dict file (<see cref="ModelSource"/>).</summary>
    public string Pretrained { get; init; } = ModelSource.Cntk;

    /// <summary>Used with --pretrained none or a state-dict file.</summary>
    public string Architecture { get; init; } = "resnet18";

    public int Size { get; init; } = 224;

    /// <summary>The penalty; null: chosen by <see cref="L2Search"/> over <see cref="L2Grid"/>.</summary>
    public double? L2 { get; init; }

    public IReadOnlyList<double> L2Grid { get; init; } = L2Search.DefaultGrid;

    public int Folds { get; init; } = 5;

    public int Seed { get; init; } = 42;

    public string Device { get; init; } = "auto";

    public int BatchSize { get; init; } = 16;

    public int Workers { get; init; } = Math.Max(1, Environment.ProcessorCount);

    public IReadOnlyList<string> Classes { get; init; } = new TrainingOptions().Classes;
}
