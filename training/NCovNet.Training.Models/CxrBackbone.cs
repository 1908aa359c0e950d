using NCovNet.Training.Models.Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace NCovNet.Training.Models;

/// <summary>
/// The convolutional part of a <see cref="CxrClassifier"/>: image [N, 3, H, W] to the last
/// feature map after its activation [N, C, h, w].
/// </summary>
public abstract class CxrBackbone : nn.Module<Tensor, Tensor>
{
    protected CxrBackbone(string name)
        : base(name)
    {
    }

    /// <summary>C, the channel count of the feature map.</summary>
    public abstract int OutputChannels { get; }

    /// <summary>The stages in forward order (stem first), for freezing all but the last few.</summary>
    public abstract IReadOnlyList<nn.Module> Stages { get; }

    /// <summary>
    /// True where torchvision keeps these weights at the top level of its model (ResNet: conv1, layer1, ...)
    /// rather than under "features" (DenseNet, VGG).
    /// </summary>
    internal virtual bool TorchvisionKeysAtTopLevel => false;

    /// <summary>Appends this backbone's eval-mode computation to an ONNX graph; returns the feature map's value name.</summary>
    internal abstract string ExportOnnx(OnnxGraphBuilder graph, string input);
}
