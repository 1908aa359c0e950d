using System.Security.Cryptography;
using System.Text.Json;

namespace NCovNet.Core.Models;

/// <summary>
/// A folder holding model.onnx and model.json. Loading verifies the ONNX file's SHA-256
/// against the manifest and refuses preprocessing the serving code does not implement.
/// </summary>
public sealed class ModelPackage
{
    public const string OnnxFileName = "model.onnx";
    public const string ManifestFileName = "model.json";

    private ModelPackage(string directory, ModelManifest manifest, byte[] onnxBytes)
    {
        Directory = directory;
        Manifest = manifest;
        OnnxBytes = onnxBytes;
    }

    public string Directory { get; }

    public ModelManifest Manifest { get; }

    /// <summary>The verified bytes of model.onnx (read once, so the hash checked is the model served).</summary>
    public ReadOnlyMemory<byte> OnnxBytes { get; }

    public static ModelPackage Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var manifestPath = Path.Combine(directory, ManifestFileName);
        var onnxPath = Path.Combine(directory, OnnxFileName);
        if (!File.Exists(manifestPath))
        {
            throw new ModelPackageException($"No {ManifestFileName} in model package '{directory}'.");
        }

        if (!File.Exists(onnxPath))
        {
            throw new ModelPackageException($"No {OnnxFileName} in model package '{directory}'.");
        }

        ModelManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(manifestPath), ModelJson.Options)
                ?? throw new ModelPackageException($"{manifestPath} is empty.");
        }
        catch (JsonException e)
        {
            throw new ModelPackageException($"{manifestPath} is not a valid model manifest: {e.Message}", e);
        }

        var problems = Validate(manifest);
        if (problems.Count > 0)
        {
            throw new ModelPackageException($"Model package '{directory}' cannot be served: {string.Join("; ", problems)}.");
        }

        var bytes = File.ReadAllBytes(onnxPath);
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(actual, manifest.OnnxSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelPackageException(
                $"{onnxPath} has SHA-256 {actual} but {ManifestFileName} expects {manifest.OnnxSha256}: the package is corrupt or was edited.");
        }

        return new ModelPackage(Path.GetFullPath(directory), manifest, bytes);
    }

    /// <summary>Writes model.json for an exported model.onnx, filling in its hash.</summary>
    public static ModelManifest WriteManifest(string directory, ModelManifest manifest)
    {
        var onnxPath = Path.Combine(directory, OnnxFileName);
        using var stream = File.OpenRead(onnxPath);
        var withHash = manifest with { OnnxSha256 = Convert.ToHexStringLower(SHA256.HashData(stream)) };
        File.WriteAllText(Path.Combine(directory, ManifestFileName), JsonSerializer.Serialize(withHash, ModelJson.Options) + "\n");
        return withHash;
    }

    private static List<string> Validate(ModelManifest manifest)
    {
        var problems = new List<string>();
        if (manifest.SchemaVersion != 1)
        {
            problems.Add($"schemaVersion {manifest.SchemaVersion} is not supported (expected 1)");
        }

        problems.AddRange(manifest.Preprocessing.Validate().Select(p => "preprocessing: " + p));
        if (manifest.Classes.Count < 2)
        {
            problems.Add("at least two classes are needed");
        }

        if (!manifest.Classes.Contains(manifest.PositiveClass))
        {
            problems.Add($"positiveClass '{manifest.PositiveClass}' is not among the classes");
        }

        if (manifest.DecisionThreshold is <= 0 or >= 1)
        {
            problems.Add($"decisionThreshold {manifest.DecisionThreshold} is outside (0, 1)");
        }

        if (manifest.WeightStorage is not ("float32" or "float16" or "int8"))
        {
            problems.Add($"weightStorage '{manifest.WeightStorage}' is not float32, float16 or int8");
        }

        return problems;
    }
}
