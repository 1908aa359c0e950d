using BenchmarkDotNet.Attributes;
using NCovNet.Core.Heatmaps;
using NCovNet.Core.Imaging;
using NCovNet.Core.Preprocessing;
using NCovNet.Core.Scanning;

namespace NCovNet.Benchmarks;

/// <summary>
/// The Grad-CAM heatmap of one image: the map (ReLU + normalise a 7x7 or 14x14 cam) plus its
/// bilinear upsampling to a 2000x2000 original (the engine's "heatmap" stage, target at most 3%
/// of inference), and, for scale, rendering and PNG-encoding the overlay and the map.
/// </summary>
[MemoryDiagnoser]
public class HeatmapBenchmarks
{
    private const int Size = 2000;

    private float[] _cam = [];
    private byte[] _map = [];
    private GrayImage _radiograph = null!;

    [Params(7, 14)]
    public int CamSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _cam = Enumerable.Range(0, CamSize * CamSize).Select(_ => (float)random.NextDouble() - 0.3f).ToArray();
        _map = new byte[Size * Size];
        _radiograph = RadiographDecoder.Decode(SyntheticRadiograph.EncodePng16(Size, Size)).Image;
    }

    [Benchmark(Baseline = true)]
    public byte[] MapAndUpsample()
    {
        BilinearUpsampler.Upsample(CamMap.FromCam(_cam, CamSize, CamSize), Size, Size, _map);
        return _map;
    }

    [Benchmark]
    public HeatmapImages RenderPngs() => HeatmapRenderer.Render(_radiograph, _map, JetColorMap.Table, 0.4);
}
