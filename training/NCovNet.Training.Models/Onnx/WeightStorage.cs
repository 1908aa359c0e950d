namespace NCovNet.Training.Models.Onnx;

/// <summary>How model.onnx stores its weights; computation is float32 in every case.</summary>
public enum WeightStorage
{
    Float32,

    /// <summary>Every initializer as float16 with a Cast to float: half the size, logits move by ~1e-3.</summary>
    Float16,

    /// <summary>
    /// Convolution kernels of at least 2^20 weights as int8 with one float scale per output channel
    /// (DequantizeLinear, symmetric), everything else as float16. For models whose float16 file is still too
    /// large: the pretrained CNTK ResNet-18 [2, 2, 2, 3] is 63.5 MB float32, 31.8 MB float16, 19 MB this way.
    /// </summary>
    Int8Convolutions,
}
