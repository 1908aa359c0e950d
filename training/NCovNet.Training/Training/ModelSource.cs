using NCovNet.Core.Preprocessing;
using NCovNet.Training.Models;
using NCovNet.Training.Models.Cntk;

namespace NCovNet.Training.Training;

/// <summary>
/// Builds the classifier a run starts from and the preprocessing its weights expect:
/// "cntk" (the ImageNet-pretrained CNTK ResNet-18, the only pretrained backbone available
/// offline; BGR, its mean), "none" (random init, ImageNet statistics), a checkpoint folder of
/// an earlier run (its weights and spec), or a TorchSharp state-dict file.
/// </summary>
public static class ModelSource
{
    public const string Cntk = "cntk";
    public const string RandomInit = "none";

    public static (CxrClassifier Model, PreprocessingSpec Spec) Create(TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var classes = options.Classes.Count;
        var imageNet = PreprocessingSpec.ImageNet(options.Stage1.Size, options.ColorMap);
        switch (options.Pretrained)
        {
            case Cntk:
                return (CntkResNet18Importer.CreateClassifier(classes), CntkResNet18Importer.Preprocessing with { ColorMap = options.ColorMap });
            case RandomInit:
                return (ModelZoo.Create(options.Architecture, classes), imageNet);
            case var folder when Directory.Exists(folder):
                var state = CheckpointStore.ReadState(folder);
                var fromCheckpoint = ModelZoo.Create(state.Architecture, state.Classes.Count);
                CheckpointStore.Load(folder, fromCheckpoint, optimizer: null);
                return (fromCheckpoint, state.Preprocessing);
            case var file when File.Exists(file):
                var model = ModelZoo.Create(options.Architecture, classes);
                model.load(file);
                return (model, imageNet);
            default:
                throw new ArgumentException($"Pretrained weights '{options.Pretrained}' are neither '{Cntk}', '{RandomInit}' nor an existing checkpoint folder or state-dict file.");
        }
    }
}
