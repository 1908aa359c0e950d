using NCovNet.Core.Heatmaps;

namespace NCovNet.Core.Tests.Heatmaps;

public sealed class BilinearUpsamplerTests
{
    [Fact]
    public void Doubling_uses_half_pixel_centres_like_pytorch_align_corners_false()
    {
        // torch.nn.functional.interpolate([0, 1], size=4, mode='linear', align_corners=False) = [0, 0.25, 0.75, 1]
        var map = CamMap.FromCam([0f, 1f], width: 2, height: 1);
        var output = new byte[4];

        BilinearUpsampler.Upsample(map, 4, 1, output);

        Assert.Equal(new byte[] { 0, 64, 191, 255 }, output);
    }

    [Theory]
    [InlineData(7, 7, 906, 798)]
    [InlineData(7, 5, 333, 517)]
    [InlineData(14, 14, 157, 156)]
    [InlineData(3, 4, 3, 4)]
    public void Every_pixel_equals_the_bilinear_formula(int camWidth, int camHeight, int width, int height)
    {
        var random = new Random(camWidth * 100 + width);
        var cam = Enumerable.Range(0, camWidth * camHeight).Select(_ => (float)random.NextDouble() - 0.3f).ToArray();
        var map = CamMap.FromCam(cam, camWidth, camHeight);
        var output = new byte[width * height];

        BilinearUpsampler.Upsample(map, width, height, output);

        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var expected = Reference(map, x, y, width, height);
                var actual = output[(y * width) + x];
                Assert.True(Math.Abs(expected - actual) <= 0.5 + 1e-3, $"({x}, {y}): expected {expected:F3}, got {actual}");
            }
        }
    }

    [Fact]
    public void A_destination_too_small_is_rejected()
    {
        var map = CamMap.FromCam([1f], 1, 1);

        Assert.Throws<ArgumentException>(() => BilinearUpsampler.Upsample(map, 10, 10, new byte[99]));
    }

    /// <summary>255 x the bilinear sample at output pixel (x, y), in double precision.</summary>
    private static double Reference(CamMap map, int x, int y, int width, int height)
    {
        static (int, int, double) Source(int i, int outLength, int inLength)
        {
            var position = Math.Max(((i + 0.5) * inLength / outLength) - 0.5, 0);
            var low = Math.Min((int)Math.Floor(position), inLength - 1);
            return (low, Math.Min(low + 1, inLength - 1), position - low);
        }

        var (x0, x1, wx) = Source(x, width, map.Width);
        var (y0, y1, wy) = Source(y, height, map.Height);
        var top = (map[x0, y0] * (1 - wx)) + (map[x1, y0] * wx);
        var bottom = (map[x0, y1] * (1 - wx)) + (map[x1, y1] * wx);
        return 255 * ((top * (1 - wy)) + (bottom * wy));
    }
}
