using BenchmarkDotNet.Attributes;
using NCovNet.Core.Imaging;
using NCovNet.Core.Preprocessing;

namespace NCovNet.Benchmarks;

/// <summary>Decode + preprocess of a synthetic 3000x2400 16-bit DICOM (explicit VR little endian, windowed).</summary>
[MemoryDiagnoser]
public class DicomDecodeAndPreprocessBenchmarks
{
    private const int Width = 2400;
    private const int Height = 3000;

    private readonly PreprocessingSpec _spec = PreprocessingSpec.ImageNet(224);
    private byte[] _dicom = [];
    private float[] _tensor = [];

    [GlobalSetup]
    public void Setup()
    {
        _dicom = SyntheticDicom.Encode16(Width, Height);
        _tensor = new float[_spec.TensorLength];
    }

    [Benchmark(Baseline = true)]
    public GrayImage Decode() => RadiographDecoder.Decode(_dicom).Image;

    [Benchmark]
    public float[] DecodeAndPreprocess()
    {
        var image = RadiographDecoder.Decode(_dicom).Image;
        Preprocessor.WriteTensor(image, _spec, _tensor);
        return _tensor;
    }
}
