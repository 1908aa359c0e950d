using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NCovNet.Training.Models;

/// <summary>
/// A chest-radiograph classifier: backbone, global average pooling, one linear layer.
/// This head keeps Grad-CAM exact and cheap: the class-c map is sum_k W[c, k] * features[k] / (h * w).
/// State-dict keys: the backbone under "features", the head under "fc" (ResNet) or "classifier".
/// </summary>
public sealed class CxrClassifier : nn.Module<Tensor, Tensor>
{
    // Held in a tuple: TorchSharp also registers Module-typed fields under their field names,
    // which would duplicate the head under "head" beside "fc"/"classifier".
    private readonly (CxrBackbone Backbone, Linear Head) parts;

    public CxrClassifier(string architecture, CxrBackbone backbone, int classes, string headName)
        : base(architecture)
    {
        ArgumentNullException.ThrowIfNull(backbone);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        Architecture = architecture;
        Classes = classes;
        parts = (backbone, nn.Linear(backbone.OutputChannels, classes));
        nn.init.zeros_(parts.Head.bias);
        register_module("features", parts.Backbone);
        register_module(headName, parts.Head);
    }

    /// <summary>e.g. "resnet18", "densenet161", "resnet18-cntk".</summary>
    public string Architecture { get; }

    public int Classes { get; }

    public CxrBackbone Backbone => parts.Backbone;

    /// <summary>The linear layer applied to the globally average-pooled feature map.</summary>
    public Linear Head => parts.Head;

    public override Tensor forward(Tensor input)
    {
        var (logits, features) = ForwardWithFeatures(input);
        features.Dispose(); // autograd keeps what it needs; only this handle goes
        return logits;
    }

    /// <summary>Logits [N, classes] and the last feature map after its activation [N, C, h, w].</summary>
    public (Tensor Logits, Tensor Features) ForwardWithFeatures(Tensor x)
    {
        var map = parts.Backbone.call(x);
        using var pooled = map.mean([2L, 3L]);
        return (parts.Head.call(pooled), map);
    }

    /// <summary>Trains the head only (the paper's first stage).</summary>
    public void FreezeBackbone() => SetTrainable(parts.Backbone.parameters(), false);

    public void UnfreezeAll() => SetTrainable(parameters(), true);

    /// <summary>Trains the head and the last <paramref name="stageCount"/> backbone stages.</summary>
    public void UnfreezeLastStages(int stageCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stageCount);
        FreezeBackbone();
        foreach (var stage in parts.Backbone.Stages.TakeLast(stageCount))
        {
            SetTrainable(stage.parameters(), true);
        }
    }

    private static void SetTrainable(IEnumerable<Parameter> parameters, bool trainable)
    {
        foreach (var parameter in parameters)
        {
            parameter.requires_grad = trainable;
        }
    }
}
