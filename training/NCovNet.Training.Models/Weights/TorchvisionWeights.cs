using System.Collections;
using System.Text.RegularExpressions;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace NCovNet.Training.Models.Weights;

/// <summary>
/// Reads and writes weights in torchvision's state_dict layout, as PyTorch pickles (.pth, .pt) or
/// safetensors. Loading maps torchvision keys onto a <see cref="CxrClassifier"/>: ResNet keys gain
/// the "features." prefix, and old DenseNet keys ("norm.1") become current ones ("norm1"). Every
/// backbone weight must be present with its shape; the head is loaded only when its shape matches
/// (an ImageNet head with 1000 classes is skipped, so the model keeps its fresh head).
/// </summary>
public static partial class TorchvisionWeights
{
    private const string BatchCounter = "num_batches_tracked";
    private const string Prefix = "features.";

    public static LoadedWeights Load(CxrClassifier model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        var source = Read(path);
        var target = model.state_dict();
        var mapped = new Dictionary<string, Tensor>();
        var ignored = new List<string>();
        foreach (var (key, tensor) in source)
        {
            var name = ModelKey(key, target);
            if (name is null)
            {
                ignored.Add(key);
                continue;
            }

            if (!target[name].shape.SequenceEqual(tensor.shape))
            {
                if (IsHead(name))
                {
                    ignored.Add(key);
                    continue;
                }

                throw new InvalidDataException($"{path}: '{key}' has shape [{string.Join(", ", tensor.shape)}] but {model.Architecture} expects [{string.Join(", ", target[name].shape)}].");
            }

            mapped[name] = tensor;
        }

        var missing = target.Keys.Where(k => !IsHead(k) && !k.EndsWith(BatchCounter, StringComparison.Ordinal) && !mapped.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{path} is not a {model.Architecture} state_dict: {missing.Count} backbone weights are missing, e.g. {string.Join(", ", missing.Take(3))}.");
        }

        using (no_grad())
        {
            model.load_state_dict(mapped, strict: false);
        }

        // load_state_dict copies into the model's own tensors, so the file's tensors can go now.
        foreach (var tensor in source.Values)
        {
            tensor.Dispose();
        }

        return new LoadedWeights(mapped.Count, mapped.Keys.Any(IsHead), ignored);
    }

    /// <summary>Writes the model's state_dict with torchvision's keys; the format follows the extension (.safetensors, else a PyTorch pickle).</summary>
    public static void Save(CxrClassifier model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var topLevel = model.Backbone.TorchvisionKeysAtTopLevel;
        var stateDict = model.state_dict().ToDictionary(
            entry => topLevel && entry.Key.StartsWith(Prefix, StringComparison.Ordinal) ? entry.Key[Prefix.Length..] : entry.Key,
            entry => entry.Value.detach().cpu());
        if (IsSafetensors(path))
        {
            Safetensors.SaveStateDict(path, stateDict);
        }
        else
        {
            PyTorchPickler.PickleStateDict(path, stateDict);
        }
    }

    private static Dictionary<string, Tensor> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Weights file '{path}' does not exist.", path);
        }

        try
        {
            return IsSafetensors(path)
                ? Safetensors.LoadStateDict(path)
                : PyTorchUnpickler.UnpickleStateDict(path).Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (Tensor)e.Value!);
        }
        catch (Exception e) when (e is not IOException)
        {
            throw new InvalidDataException($"{path} is not a readable {(IsSafetensors(path) ? "safetensors" : "PyTorch")} state_dict: {e.Message}", e);
        }
    }

    private static string? ModelKey(string key, Dictionary<string, Tensor> target)
    {
        var current = OldDenseNetKey().Replace(key, "$1$2");
        if (target.ContainsKey(current))
        {
            return current;
        }

        return target.ContainsKey(Prefix + current) ? Prefix + current : null;
    }

    private static bool IsHead(string key) => !key.StartsWith(Prefix, StringComparison.Ordinal);

    private static bool IsSafetensors(string path) => path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase);

    /// <summary>torchvision's own rewrite of pre-0.3 DenseNet keys: "denselayer1.norm.1.weight" to "denselayer1.norm1.weight".</summary>
    [GeneratedRegex(@"^(.*denselayer\d+\.(?:norm|relu|conv))\.((?:[12])\.(?:weight|bias|running_mean|running_var))$")]
    private static partial Regex OldDenseNetKey();
}
