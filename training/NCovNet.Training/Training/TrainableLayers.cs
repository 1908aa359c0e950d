using NCovNet.Training.Models;

namespace NCovNet.Training.Training;

/// <summary>
/// Sets which layers learn: 0 the head only, -1 everything, k the head and the last k backbone
/// stages. Frozen stages also stay in eval mode, so their BatchNorm keeps the pretrained
/// statistics instead of drifting on 16-image batches of radiographs.
/// </summary>
public static class TrainableLayers
{
    public static void Apply(CxrClassifier model, int trainableStages)
    {
        ArgumentNullException.ThrowIfNull(model);
        switch (trainableStages)
        {
            case 0:
                model.FreezeBackbone();
                break;
            case < 0:
                model.UnfreezeAll();
                break;
            default:
                model.UnfreezeLastStages(trainableStages);
                break;
        }

        SetTrainingMode(model, trainableStages);
    }

    /// <summary>Train mode for the learning layers, eval mode for the frozen stages.</summary>
    public static void SetTrainingMode(CxrClassifier model, int trainableStages)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.train();
        if (trainableStages < 0)
        {
            return;
        }

        var stages = model.Backbone.Stages;
        foreach (var stage in stages.Take(stages.Count - Math.Min(trainableStages, stages.Count)))
        {
            stage.eval();
        }
    }
}
