using NCovNet.Training.Models;
using static TorchSharp.torch;

namespace NCovNet.Training.Training;

/// <summary>An in-memory copy of a model's weights and buffers, restored after the LR finder has trained on it.</summary>
public sealed class ModelSnapshot : IDisposable
{
    private readonly Dictionary<string, Tensor> _state;

    public ModelSnapshot(CxrClassifier model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _state = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
    }

    public void RestoreInto(CxrClassifier model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var noGrad = no_grad();
        model.load_state_dict(_state);
    }

    public void Dispose()
    {
        foreach (var tensor in _state.Values)
        {
            tensor.Dispose();
        }
    }
}
