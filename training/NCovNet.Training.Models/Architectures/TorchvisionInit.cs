using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NCovNet.Training.Models.Architectures;

/// <summary>
/// torchvision's initialisation. TorchSharp's defaults leave many tiny values that turn into
/// denormal floats in deep eval-mode networks (DenseNet-161 ~10x slower on CPU).
/// </summary>
internal static class TorchvisionInit
{
    /// <summary>Kaiming-normal convolutions (fan-in or fan-out), BatchNorm weight 1 and bias 0, zero conv biases.</summary>
    public static void Apply(nn.Module module, bool fanOut)
    {
        using var noGrad = torch.no_grad();
        foreach (var (_, child) in module.named_modules())
        {
            switch (child)
            {
                case Conv2d conv:
                    nn.init.kaiming_normal_(conv.weight, mode: fanOut ? nn.init.FanInOut.FanOut : nn.init.FanInOut.FanIn, nonlinearity: nn.init.NonlinearityType.ReLU);
                    if (conv.bias is not null)
                    {
                        nn.init.zeros_(conv.bias);
                    }

                    break;
                case BatchNorm2d norm:
                    nn.init.ones_(norm.weight);
                    nn.init.zeros_(norm.bias);
                    break;
            }
        }
    }
}
