using NCovNet.Training.Loading;
using TorchSharp;
using static TorchSharp.torch;

namespace NCovNet.Training.Training;

/// <summary>Moves a loader batch onto the compute device as an image tensor [N, 3, H, W] and a label tensor [N].</summary>
public static class BatchTensors
{
    public static (Tensor Images, Tensor Labels) ToDevice(Batch batch, Device device)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var images = torch.tensor(batch.Pixels, [batch.Count, 3, batch.Height, batch.Width]).to(device);
        var labels = torch.tensor(batch.Labels).to(device);
        return (images, labels);
    }
}
