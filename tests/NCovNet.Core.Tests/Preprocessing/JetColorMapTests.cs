using System.Security.Cryptography;
using NCovNet.Core.Preprocessing;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Core.Tests.Preprocessing;

public sealed class JetColorMapTests
{
    /// <summary>
    /// Spot values, RGB. Sources: OpenCV 4.x modules/imgproc/src/colormap.cpp (class Jet) float
    /// control points x 255 with float rounding half to even, e.g. b[0] = 0.5 -> 128,
    /// r[96] = 0.00588235294117645f -> 2, g[32] = 0.001960784313725483f -> 0, r[255] = 0.5 -> 128;
    /// and applyColorMap output printed in blog.csdn.net/qq_41498261/article/details/109603986:
    /// 0 -> BGR(128,0,0), 1 -> BGR(132,0,0), 20 -> BGR(208,0,0).
    /// </summary>
    [Theory]
    [InlineData(0, 0, 0, 128)]
    [InlineData(1, 0, 0, 132)]
    [InlineData(20, 0, 0, 208)]
    [InlineData(31, 0, 0, 252)]
    [InlineData(32, 0, 0, 255)]
    [InlineData(33, 0, 4, 255)]
    [InlineData(64, 0, 128, 255)]
    [InlineData(95, 0, 252, 255)]
    [InlineData(96, 2, 255, 254)]
    [InlineData(127, 126, 255, 130)]
    [InlineData(128, 130, 255, 126)]
    [InlineData(159, 254, 255, 1)]
    [InlineData(160, 255, 252, 0)]
    [InlineData(191, 255, 128, 0)]
    [InlineData(223, 255, 0, 0)]
    [InlineData(224, 252, 0, 0)]
    [InlineData(254, 132, 0, 0)]
    [InlineData(255, 128, 0, 0)]
    public void Table_matches_opencv_spot_values(int index, byte r, byte g, byte b) =>
        Assert.Equal(new Rgb24(r, g, b), JetColorMap.Table[index]);

    [Fact]
    public void Whole_table_matches_the_python_emulation_of_opencv()
    {
        // SHA-256 of the 256 entries as OpenCV lays out its LUT (B, G, R bytes), computed by
        // Reference/preprocess_reference.py's opencv_jet(), an independent float32 emulation.
        var bgr = new byte[JetColorMap.Size * 3];
        for (var i = 0; i < JetColorMap.Size; i++)
        {
            var entry = JetColorMap.Table[i];
            (bgr[3 * i], bgr[(3 * i) + 1], bgr[(3 * i) + 2]) = (entry.B, entry.G, entry.R);
        }

        Assert.Equal("7d50956401c66a4dc53c41799da385e108902c907a41a061e22e05f0a075af38", Convert.ToHexStringLower(SHA256.HashData(bgr)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(127)]
    [InlineData(255)]
    public void Map_at_an_entry_returns_that_entry(int index)
    {
        var (r, g, b) = JetColorMap.Map(index / 255f);
        var entry = JetColorMap.Table[index];

        Assert.Equal(entry.R / 255f, r, 1e-5f);
        Assert.Equal(entry.G / 255f, g, 1e-5f);
        Assert.Equal(entry.B / 255f, b, 1e-5f);
    }

    [Fact]
    public void Map_between_entries_interpolates_so_16_bit_steps_stay_distinct()
    {
        // Two 16-bit intensities inside one 8-bit step (entries 40 and 41: green 32 -> 36).
        var (_, g1, _) = JetColorMap.Map(40.25f / 255f);
        var (_, g2, _) = JetColorMap.Map(40.75f / 255f);

        Assert.Equal(33f / 255f, g1, 1e-5f);
        Assert.Equal(35f / 255f, g2, 1e-5f);
    }

    [Fact]
    public void Map_clamps_out_of_range_intensities()
    {
        Assert.Equal(JetColorMap.Map(0f), JetColorMap.Map(-0.5f));
        Assert.Equal(JetColorMap.Map(1f), JetColorMap.Map(3f));
        Assert.Equal(new Rgb24(128, 0, 0), JetColorMap.MapToRgb24(1f));
    }
}
