namespace NCovNet.Training.Training;

/// <summary>Turns the two stages of <see cref="TrainingOptions"/> into the phases that run one after another.</summary>
public static class TrainingPlan
{
    public static IReadOnlyList<TrainingPhase> From(TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var phases = new List<TrainingPhase>();
        var s1 = options.Stage1;
        if (s1.Enabled)
        {
            phases.Add(new TrainingPhase("stage1", s1.Size, s1.BatchSize, s1.FrozenEpochs, 0, s1.Lr));
            AddUnfrozen(phases, "stage1-unfrozen", s1);
        }

        var s2 = options.Stage2;
        if (s2.Enabled)
        {
            phases.Add(new TrainingPhase("stage2-frozen", s2.Size, s2.BatchSize, s2.FrozenEpochs, 0, s2.Lr));
            AddUnfrozen(phases, "stage2-unfrozen", s2);
        }

        phases.RemoveAll(p => p.Epochs <= 0);
        if (phases.Count == 0)
        {
            throw new ArgumentException("The options enable no epochs: set stage1 or stage2 epochs.");
        }

        return phases;
    }

    private static void AddUnfrozen(List<TrainingPhase> phases, string name, StageOptions stage)
    {
        if (stage.UnfrozenEpochs <= 0)
        {
            return;
        }

        phases.Add(new TrainingPhase(
            name,
            stage.Size,
            stage.BatchSize,
            stage.UnfrozenEpochs,
            stage.UnfreezeStages,
            stage.MaxLr ?? 0,
            Sgdr: true,
            FindLr: stage.MaxLr is null,
            MinLr: stage.MinLr,
            SgdrFirstPeriod: stage.SgdrFirstPeriod,
            SgdrPeriodMultiplier: stage.SgdrPeriodMultiplier,
            LrFindIterations: stage.LrFindIterations));
    }
}
