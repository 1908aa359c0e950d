using NCovNet.Training.Debiasing;

namespace NCovNet.Training.Tests.Debiasing;

public sealed class PilEnhanceTests
{
    private static readonly NCovNet.Core.Imaging.GrayImage Image = TestImages.Radiograph96;

    [Fact]
    public void Factor_one_returns_the_image_for_every_enhancement()
    {
        Assert.True(TestImages.MeanAbsoluteDifference(Image, PilEnhance.Brightness(Image, 1)) < 1e-7);
        Assert.True(TestImages.MeanAbsoluteDifference(Image, PilEnhance.Contrast(Image, 1)) < 1e-7);
        Assert.True(TestImages.MeanAbsoluteDifference(Image, PilEnhance.Sharpness(Image, 1)) < 1e-7);
    }

    [Fact]
    public void Brightness_scales_towards_black_and_clips_at_white()
    {
        var darker = PilEnhance.Brightness(Image, 0.5f);
        var brighter = PilEnhance.Brightness(Image, 3f);

        Assert.Equal(Image.Pixels[4000] * 0.5f, darker.Pixels[4000], 6);
        Assert.All(PilEnhance.Brightness(Image, 0).Pixels, p => Assert.Equal(0f, p));
        Assert.Equal(1f, brighter.Pixels.Max());
    }

    [Fact]
    public void Contrast_zero_is_the_mean_gray_and_two_doubles_the_distance_from_it()
    {
        var mean = MathF.Floor((Image.Pixels.Average() * 255f) + 0.5f) / 255f;

        Assert.All(PilEnhance.Contrast(Image, 0).Pixels, p => Assert.Equal(mean, p, 6));
        var doubled = PilEnhance.Contrast(Image, 2);
        var i = Array.FindIndex(Image.Pixels, p => Math.Abs(p - mean) is > 0.05f and < 0.2f);
        Assert.Equal(mean + (2 * (Image.Pixels[i] - mean)), doubled.Pixels[i], 5);
    }

    [Fact]
    public void Sharpness_zero_is_the_pil_smooth_filter_and_two_raises_local_contrast()
    {
        var smooth = PilEnhance.Sharpness(Image, 0);
        int x = 40, y = 50, w = Image.Width;
        var expected = 0f;
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                expected += Image[x + dx, y + dy] * (dx == 0 && dy == 0 ? 5 : 1);
            }
        }

        Assert.Equal(expected / 13f, smooth.Pixels[(y * w) + x], 5);
        Assert.Equal(Image[0, 0], smooth[0, 0]);
        Assert.True(LocalVariation(PilEnhance.Sharpness(Image, 2)) > LocalVariation(Image));
        Assert.True(LocalVariation(smooth) < LocalVariation(Image));
    }

    private static double LocalVariation(NCovNet.Core.Imaging.GrayImage image) =>
        Enumerable.Range(1, image.Pixels.Length - 1).Average(i => Math.Abs(image.Pixels[i] - image.Pixels[i - 1]));
}
