using TorchSharp;
using TorchSharp.Modules;

namespace NCovNet.Training.Models.Tests;

/// <summary>Models whose every weight matters: fresh torchvision init leaves BatchNorm at identity, which would hide folding bugs.</summary>
internal static class TestModels
{
    public static CxrClassifier Create(string architecture, long seed = 7)
    {
        torch.manual_seed(seed);
        var model = ModelZoo.Create(architecture);
        RandomizeBatchNorm(model);
        model.eval();
        return model;
    }

    public static void RandomizeBatchNorm(torch.nn.Module model)
    {
        using var noGrad = torch.no_grad();
        foreach (var (_, module) in model.named_modules())
        {
            if (module is BatchNorm2d norm)
            {
                norm.weight!.uniform_(0.5, 1.5);
                norm.bias!.uniform_(-0.2, 0.2);
                norm.running_mean!.uniform_(-0.2, 0.2);
                norm.running_var!.uniform_(0.5, 2.0);
            }
        }
    }
}
