namespace NCovNet.Training.Models.Onnx;

/// <summary>The model.json "weightStorage" value of each <see cref="WeightStorage"/>.</summary>
public static class WeightStorageNames
{
    public static string ManifestName(this WeightStorage storage) => storage switch
    {
        WeightStorage.Float32 => "float32",
        WeightStorage.Float16 => "float16",
        WeightStorage.Int8Convolutions => "int8",
        _ => throw new ArgumentOutOfRangeException(nameof(storage), storage, null),
    };
}
