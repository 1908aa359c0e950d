namespace NCovNet.Training.Training;

/// <summary>
/// A run of epochs with one input size, batch size, set of trainable layers and LR rule.
/// <see cref="TrainableStages"/>: 0 trains the head only, -1 everything, k the last k backbone stages.
/// With <see cref="Sgdr"/> false the LR is constant; with it, SGDR between the min and max
/// (from the options or, when <see cref="FindLr"/>, from an lr-find at the phase's start).
/// </summary>
public sealed record TrainingPhase(
    string Name,
    int Size,
    int BatchSize,
    int Epochs,
    int TrainableStages,
    double Lr,
    bool Sgdr = false,
    bool FindLr = false,
    double? MinLr = null,
    int SgdrFirstPeriod = 1,
    int SgdrPeriodMultiplier = 2,
    int LrFindIterations = 170);
