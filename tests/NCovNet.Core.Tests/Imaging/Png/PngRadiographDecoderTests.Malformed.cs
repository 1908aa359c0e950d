using System.Buffers.Binary;
using NCovNet.Core.Imaging;
using SixLabors.ImageSharp.Formats.Png;

namespace NCovNet.Core.Tests.Imaging.Png;

public sealed partial class PngRadiographDecoderTests
{
    private static byte[] SmallPng()
    {
        using var source = GeneratedImages.Gray16(40, 30);
        return GeneratedImages.Png(source, PngColorType.Grayscale, PngBitDepth.Bit16);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(20)]
    [InlineData(60)]
    [InlineData(-12)]
    [InlineData(-1)]
    public void Cut_file_is_truncated(int cut)
    {
        var png = SmallPng();
        var length = cut > 0 ? cut : png.Length + cut;

        var error = DecodeAssert.Fails(DecodeErrorCode.Truncated, png[..length]);

        Assert.Contains("PNG", error.Message);
    }

    [Fact]
    public void Declared_size_above_the_limit_is_refused_before_decoding()
    {
        var bomb = PngPatch.WithDeclaredSize(SmallPng(), 100_000, 100_000);

        var error = DecodeAssert.Fails(DecodeErrorCode.TooManyPixels, bomb);

        Assert.Contains("100000x100000", error.Message);
    }

    [Fact]
    public void Pixel_limit_is_configuration()
    {
        var png = SmallPng();

        DecodeAssert.Fails(DecodeErrorCode.TooManyPixels, png, new DecodeLimits { MaxPixels = (40 * 30) - 1 });
        Assert.Equal(40, RadiographDecoder.Decode(png, new DecodeLimits { MaxPixels = 40 * 30 }).Image.Width);
    }

    [Fact]
    public void Zero_declared_width_is_malformed()
    {
        DecodeAssert.Fails(DecodeErrorCode.Malformed, PngPatch.WithDeclaredSize(SmallPng(), 0, 30));
    }

    [Fact]
    public void Corrupt_image_data_is_malformed()
    {
        var png = SmallPng();
        var idat = png.AsSpan().IndexOf("IDAT"u8);
        png[idat + 20] ^= 0xFF;

        DecodeAssert.Fails(DecodeErrorCode.Malformed, png);
    }

    [Fact]
    public void Missing_header_chunk_is_malformed()
    {
        var png = SmallPng();
        "IHDX"u8.CopyTo(png.AsSpan(12));

        DecodeAssert.Fails(DecodeErrorCode.Malformed, png);
    }

    [Fact]
    public void Impossible_chunk_length_is_malformed()
    {
        var png = SmallPng();
        var afterHeader = 8 + 12 + 13;
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(afterHeader), 0x9000_0000);

        DecodeAssert.Fails(DecodeErrorCode.Malformed, png);
    }
}
