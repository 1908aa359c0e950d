using System.Buffers.Binary;
using NCovNet.Core.Imaging;

namespace NCovNet.Core.Tests.Imaging.Jpeg;

public sealed partial class JpegRadiographDecoderTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(30)]
    [InlineData(200)]
    [InlineData(-100)]
    [InlineData(-1)]
    public void Cut_file_is_truncated(int cut)
    {
        var jpeg = GrayJpeg();
        var length = cut > 0 ? cut : jpeg.Length + cut;

        var error = DecodeAssert.Fails(DecodeErrorCode.Truncated, jpeg[..length]);

        Assert.Contains("JPEG", error.Message);
    }

    [Theory]
    [InlineData(0xC3, "lossless")]
    [InlineData(0xC9, "arithmetic")]
    [InlineData(0xC5, "hierarchical")]
    public void Unsupported_process_is_named(byte marker, string name)
    {
        var jpeg = ColourJpeg();
        jpeg[StartOfFrame(jpeg) + 1] = marker;

        var error = DecodeAssert.Fails(DecodeErrorCode.UnsupportedContent, jpeg);

        Assert.Contains(name, error.Message);
    }

    [Fact]
    public void Twelve_bit_precision_is_unsupported()
    {
        var jpeg = GrayJpeg();
        jpeg[StartOfFrame(jpeg) + 4] = 12;

        var error = DecodeAssert.Fails(DecodeErrorCode.UnsupportedContent, jpeg);

        Assert.Contains("12-bit", error.Message);
    }

    [Fact]
    public void Four_components_are_unsupported()
    {
        // Add a fourth component spec to the frame header, as a CMYK/YCCK file has.
        var jpeg = ColourJpeg();
        var sof = StartOfFrame(jpeg);
        var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(sof + 2));
        byte[] cmyk = [.. jpeg[..(sof + 2 + length)], 4, 0x11, 0, .. jpeg[(sof + 2 + length)..]];
        BinaryPrimitives.WriteUInt16BigEndian(cmyk.AsSpan(sof + 2), (ushort)(length + 3));
        cmyk[sof + 9] = 4;

        var error = DecodeAssert.Fails(DecodeErrorCode.UnsupportedContent, cmyk);

        Assert.Contains("4 components", error.Message);
    }

    [Fact]
    public void Declared_size_above_the_limit_is_refused_before_decoding()
    {
        var jpeg = ColourJpeg();
        var sof = StartOfFrame(jpeg);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 5), 60000);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 7), 60000);

        var error = DecodeAssert.Fails(DecodeErrorCode.TooManyPixels, jpeg);

        Assert.Contains("60000x60000", error.Message);
    }

    [Fact]
    public void Zero_declared_height_is_malformed()
    {
        var jpeg = GrayJpeg();
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(StartOfFrame(jpeg) + 5), 0);

        DecodeAssert.Fails(DecodeErrorCode.Malformed, jpeg);
    }

    [Fact]
    public void Garbage_between_segments_is_malformed()
    {
        var jpeg = GrayJpeg();
        var secondSegment = 4 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(4));
        jpeg[secondSegment] = 0x00;

        DecodeAssert.Fails(DecodeErrorCode.Malformed, jpeg);
    }

    [Fact]
    public void Image_without_scan_data_is_malformed()
    {
        var jpeg = GrayJpeg();
        var scan = jpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xDA]);
        byte[] cut = [.. jpeg[..scan], 0xFF, 0xD9];

        DecodeAssert.Fails(DecodeErrorCode.Malformed, cut);
    }

    /// <summary>Index of the 0xFF of the first SOF0 marker (ImageSharp writes baseline).</summary>
    private static int StartOfFrame(byte[] jpeg) => jpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xC0]);
}
