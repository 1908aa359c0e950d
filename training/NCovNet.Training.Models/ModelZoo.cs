using NCovNet.Training.Models.Architectures;
using NCovNet.Training.Models.Cntk;

namespace NCovNet.Training.Models;

/// <summary>
/// Creates the paper's architectures with a global-average-pool + linear head: freshly initialised,
/// except "resnet18-cntk", whose backbone is the ImageNet-pretrained CNTK ResNet (<see cref="CntkResNet18Importer"/>).
/// </summary>
public static class ModelZoo
{
    private static readonly Dictionary<string, Func<int, CxrClassifier>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["resnet18"] = classes => ResNet("resnet18", [2, 2, 2, 2], bottleneck: false, classes),
        ["resnet34"] = classes => ResNet("resnet34", [3, 4, 6, 3], bottleneck: false, classes),
        ["resnet50"] = classes => ResNet("resnet50", [3, 4, 6, 3], bottleneck: true, classes),
        ["resnet101"] = classes => ResNet("resnet101", [3, 4, 23, 3], bottleneck: true, classes),
        ["resnet152"] = classes => ResNet("resnet152", [3, 8, 36, 3], bottleneck: true, classes),
        ["densenet121"] = classes => DenseNet("densenet121", 32, [6, 12, 24, 16], 64, classes),
        ["densenet161"] = classes => DenseNet("densenet161", 48, [6, 12, 36, 24], 96, classes),
        ["densenet169"] = classes => DenseNet("densenet169", 32, [6, 12, 32, 32], 64, classes),
        ["densenet201"] = classes => DenseNet("densenet201", 32, [6, 12, 48, 32], 64, classes),
        ["vgg16"] = classes => Vgg("vgg16", VggFeatures.Vgg16, classes),
        ["vgg19"] = classes => Vgg("vgg19", VggFeatures.Vgg19, classes),
        [CntkResNet18Importer.Architecture] = classes => CntkResNet18Importer.CreateClassifier(classes),
    };

    /// <summary>Architecture names accepted by <see cref="Create"/>.</summary>
    public static IReadOnlyList<string> Architectures { get; } = [.. Factories.Keys];

    /// <summary>A new model of the named architecture; throws <see cref="ArgumentException"/> for an unknown name.</summary>
    public static CxrClassifier Create(string architecture, int classes = 2)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(architecture);
        return Factories.TryGetValue(architecture, out var factory)
            ? factory(classes)
            : throw new ArgumentException($"Unknown architecture '{architecture}'; expected one of {string.Join(", ", Architectures)}.", nameof(architecture));
    }

    private static CxrClassifier ResNet(string name, int[] blocks, bool bottleneck, int classes) =>
        new(name, new ResNetFeatures(name, blocks, bottleneck), classes, "fc");

    private static CxrClassifier DenseNet(string name, int growthRate, int[] blockLayers, int initialChannels, int classes) =>
        new(name, new DenseNetFeatures(name, growthRate, blockLayers, initialChannels), classes, "classifier");

    private static CxrClassifier Vgg(string name, int[] configuration, int classes) =>
        new(name, new VggFeatures(name, configuration), classes, "classifier");
}
