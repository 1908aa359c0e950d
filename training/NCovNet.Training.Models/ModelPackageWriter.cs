using NCovNet.Core.Models;
using NCovNet.Training.Models.Onnx;

namespace NCovNet.Training.Models;

/// <summary>Writes a model package: model.onnx at the manifest's input size, and model.json with its SHA-256.</summary>
public static class ModelPackageWriter
{
    public static ModelManifest Write(CxrClassifier model, ModelManifest manifest, string directory, bool float16Weights) =>
        Write(model, manifest, directory, float16Weights ? WeightStorage.Float16 : WeightStorage.Float32);

    /// <summary>Returns the manifest as written (hash and weight storage filled in).</summary>
    public static ModelManifest Write(CxrClassifier model, ModelManifest manifest, string directory, WeightStorage storage)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!string.Equals(manifest.Architecture, model.Architecture, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The manifest says architecture '{manifest.Architecture}' but the model is '{model.Architecture}'.", nameof(manifest));
        }

        if (manifest.Classes.Count != model.Classes)
        {
            throw new ArgumentException($"The manifest names {manifest.Classes.Count} classes but the model has {model.Classes} outputs.", nameof(manifest));
        }

        var problems = manifest.Preprocessing.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"The manifest's preprocessing cannot be served: {string.Join("; ", problems)}.", nameof(manifest));
        }

        Directory.CreateDirectory(directory);
        OnnxExporter.Export(model, manifest.Preprocessing.Height, manifest.Preprocessing.Width, Path.Combine(directory, ModelPackage.OnnxFileName), storage);
        return ModelPackage.WriteManifest(directory, manifest with
        {
            WeightStorage = storage.ManifestName(),
            Io = new ModelOutputs(),
        });
    }
}
