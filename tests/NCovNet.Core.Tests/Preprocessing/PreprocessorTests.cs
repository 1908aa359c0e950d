using NCovNet.Core.Imaging;
using NCovNet.Core.Preprocessing;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Core.Tests.Preprocessing;

public sealed class PreprocessorTests
{
    private static readonly PreprocessingSpec Identity = new()
    {
        Width = 8,
        Height = 8,
        ColorMap = "gray",
        Mean = [0f, 0f, 0f],
        Std = [1f, 1f, 1f],
    };

    [Fact]
    public void Gray_map_replicates_the_intensity_into_three_normalised_planes()
    {
        var image = Ramp(8, 8);
        var spec = Identity with { Mean = [0.1f, 0.2f, 0.3f], Std = [0.5f, 0.25f, 2f] };
        var tensor = new float[spec.TensorLength];

        Preprocessor.WriteTensor(image, spec, tensor);

        for (var i = 0; i < 64; i++)
        {
            Assert.Equal((image.Pixels[i] - 0.1f) / 0.5f, tensor[i], 1e-4f);
            Assert.Equal((image.Pixels[i] - 0.2f) / 0.25f, tensor[64 + i], 1e-4f);
            Assert.Equal((image.Pixels[i] - 0.3f) / 2f, tensor[128 + i], 1e-4f);
        }
    }

    [Fact]
    public void Jet_map_writes_the_opencv_colour_of_each_pixel_in_rgb_then_bgr_order()
    {
        var image = Uniform(8, 8, 96 / 255f);
        var rgb = new float[Identity.TensorLength];
        var bgr = new float[Identity.TensorLength];

        Preprocessor.WriteTensor(image, Identity with { ColorMap = "jet" }, rgb);
        Preprocessor.WriteTensor(image, Identity with { ColorMap = "jet", ChannelOrder = "BGR" }, bgr);

        // JET entry 96 is RGB (2, 255, 254).
        Assert.Equal([2 / 255f, 255 / 255f, 254 / 255f], [rgb[0], rgb[64], rgb[128]], new ToleranceComparer(1e-5f));
        Assert.Equal([254 / 255f, 255 / 255f, 2 / 255f], [bgr[0], bgr[64], bgr[128]], new ToleranceComparer(1e-5f));
    }

    [Fact]
    public void Sixteen_bit_intensities_between_two_8_bit_levels_give_different_tensors()
    {
        var low = new float[Identity.TensorLength];
        var high = new float[Identity.TensorLength];

        Preprocessor.WriteTensor(Uniform(8, 8, 10300 / 65535f), Identity with { ColorMap = "jet" }, low);
        Preprocessor.WriteTensor(Uniform(8, 8, 10500 / 65535f), Identity with { ColorMap = "jet" }, high);

        // Both fall in 8-bit level 40; a table lookup without interpolation would make them equal.
        Assert.Equal(40, (int)(10300 / 65535f * 255));
        Assert.Equal(40, (int)(10500 / 65535f * 255));
        Assert.True(high[64] - low[64] > 0.01f, $"green {low[64]} vs {high[64]}");
    }

    [Fact]
    public void Resize_to_the_same_size_keeps_the_pixels()
    {
        var image = Ramp(8, 8);
        var tensor = new float[Identity.TensorLength];

        Preprocessor.WriteTensor(image, Identity, tensor);

        Assert.Equal(image.Pixels, tensor[..64], new ToleranceComparer(1e-6f));
    }

    [Fact]
    public void Downscale_by_two_averages_each_2x2_block()
    {
        // Pixel-centre alignment: output x samples source x = 2x + 0.5, halfway between two pixels.
        var image = Ramp(16, 16);
        var tensor = new float[Identity.TensorLength];

        Preprocessor.WriteTensor(image, Identity, tensor);

        for (var y = 0; y < 8; y++)
        {
            for (var x = 0; x < 8; x++)
            {
                var block = (image[2 * x, 2 * y] + image[(2 * x) + 1, 2 * y] + image[2 * x, (2 * y) + 1] + image[(2 * x) + 1, (2 * y) + 1]) / 4;
                Assert.Equal(block, tensor[(y * 8) + x], 1e-5f);
            }
        }
    }

    [Fact]
    public void Upscale_clamps_at_the_edges()
    {
        var image = new GrayImage(2, 1, [0f, 1f]);
        var spec = Identity with { Width = 8, Height = 8 };
        var tensor = new float[spec.TensorLength];

        Preprocessor.WriteTensor(image, spec, tensor);

        // Source x = (x + 0.5) / 4 - 0.5: outputs 0 and 1 clamp to pixel 0, 6 and 7 to pixel 1.
        Assert.Equal([0f, 0f, 0.125f, 0.375f, 0.625f, 0.875f, 1f, 1f], tensor[..8], new ToleranceComparer(1e-6f));
    }

    [Fact]
    public void Batch_item_lands_at_its_offset_and_leaves_the_rest_alone()
    {
        var batch = new float[3 * Identity.TensorLength];
        Array.Fill(batch, float.NaN);
        var expected = new float[Identity.TensorLength];
        Preprocessor.WriteTensor(Ramp(8, 8), Identity, expected);

        Preprocessor.WriteBatchItem(Ramp(8, 8), Identity, batch, index: 1);

        Assert.All(batch[..Identity.TensorLength], v => Assert.True(float.IsNaN(v)));
        Assert.Equal(expected, batch[Identity.TensorLength..(2 * Identity.TensorLength)]);
        Assert.All(batch[(2 * Identity.TensorLength)..], v => Assert.True(float.IsNaN(v)));
    }

    [Fact]
    public void Batch_item_outside_the_buffer_is_refused()
    {
        var batch = new float[2 * Identity.TensorLength];

        Assert.Throws<ArgumentException>(() => Preprocessor.WriteBatchItem(Ramp(8, 8), Identity, batch, index: 2));
    }

    [Fact]
    public void Invalid_spec_is_refused_with_its_problems()
    {
        var spec = Identity with { ColorMap = "viridis" };

        var error = Assert.Throws<ArgumentException>(() => Preprocessor.WriteTensor(Ramp(8, 8), spec, new float[spec.TensorLength]));

        Assert.Contains("viridis", error.Message);
    }

    [Fact]
    public void Short_destination_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Preprocessor.WriteTensor(Ramp(8, 8), Identity, new float[Identity.TensorLength - 1]));
    }

    [Fact]
    public void Rendered_jet_image_is_the_tensor_before_normalisation()
    {
        var image = Ramp(32, 32);
        var spec = Identity with { ColorMap = "jet" };
        var tensor = new float[spec.TensorLength];
        Preprocessor.WriteTensor(image, spec, tensor);

        using var rendered = Preprocessor.RenderColorMapped(image, spec);

        Assert.Equal((8, 8), (rendered.Width, rendered.Height));
        for (var y = 0; y < 8; y++)
        {
            for (var x = 0; x < 8; x++)
            {
                var pixel = rendered[x, y];
                var i = (y * 8) + x;
                Assert.Equal(pixel.R / 255f, tensor[i], 0.5f / 255f);
                Assert.Equal(pixel.G / 255f, tensor[64 + i], 0.5f / 255f);
                Assert.Equal(pixel.B / 255f, tensor[128 + i], 0.5f / 255f);
            }
        }
    }

    [Fact]
    public void Rendered_gray_image_repeats_the_intensity()
    {
        using var rendered = Preprocessor.RenderColorMapped(Uniform(8, 8, 0.5f), Identity);

        Assert.Equal(new Rgb24(128, 128, 128), rendered[3, 3]);
    }

    private static GrayImage Ramp(int width, int height)
    {
        var pixels = new float[width * height];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (float)i / (pixels.Length - 1);
        }

        return new GrayImage(width, height, pixels);
    }

    private static GrayImage Uniform(int width, int height, float value)
    {
        var pixels = new float[width * height];
        Array.Fill(pixels, value);
        return new GrayImage(width, height, pixels);
    }
}
