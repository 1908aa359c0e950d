using NCovNet.Training.Models;
using NCovNet.Training.Models.Cntk;

namespace NCovNet.Training.Training;

/// <summary>
/// Creates a classifier by architecture name, including "resnet18-cntk" (the CNTK ResNet-18
/// layout, built by importing its ImageNet weights, which a checkpoint then overwrites).
/// </summary>
public static class ArchitectureFactory
{
    public static CxrClassifier Create(string architecture, int classes) =>
        string.Equals(architecture, CntkResNet18Importer.Architecture, StringComparison.OrdinalIgnoreCase)
            ? CntkResNet18Importer.CreateClassifier(classes)
            : ModelZoo.Create(architecture, classes);
}
