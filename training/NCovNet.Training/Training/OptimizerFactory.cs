using NCovNet.Training.Models;
using TorchSharp;
using TorchSharp.Modules;

namespace NCovNet.Training.Training;

/// <summary>SGD with momentum and weight decay over all parameters; frozen ones have no gradient and are skipped.</summary>
public static class OptimizerFactory
{
    public static SGD Create(CxrClassifier model, TrainingOptions options, double lr)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        return torch.optim.SGD(model.parameters(), lr, momentum: options.Momentum, weight_decay: options.WeightDecay);
    }
}
