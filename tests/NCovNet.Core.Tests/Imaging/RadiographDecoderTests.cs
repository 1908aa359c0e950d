using NCovNet.Core.Imaging;
using NCovNet.Core.Tests.TestData;
using NCovNet.Tests;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Core.Tests.Imaging;

/// <summary>The facade: input guards and dispatch by content, whatever the file is called.</summary>
public sealed class RadiographDecoderTests
{
    [Fact]
    public void Empty_input_is_refused()
    {
        DecodeAssert.Fails(DecodeErrorCode.Empty, []);
    }

    [Fact]
    public void Input_above_the_byte_limit_is_refused()
    {
        DecodeAssert.Fails(DecodeErrorCode.TooManyBytes, new byte[1001], new DecodeLimits { MaxBytes = 1000 });
    }

    [Theory]
    [InlineData("GIF89a")]
    [InlineData("BM")]
    [InlineData("hello, this is plain text")]
    public void Other_formats_are_unknown_even_when_imagesharp_could_read_them(string start)
    {
        var data = System.Text.Encoding.ASCII.GetBytes(start.PadRight(200, '\0'));

        DecodeAssert.Fails(DecodeErrorCode.UnknownFormat, data);
    }

    [Fact]
    public void Bmp_written_by_imagesharp_is_unknown()
    {
        using var image = new Image<L8>(4, 4);
        using var stream = new MemoryStream();
        image.SaveAsBmp(stream);

        DecodeAssert.Fails(DecodeErrorCode.UnknownFormat, stream.ToArray());
    }

    [Fact]
    public void Format_comes_from_the_content_not_the_name()
    {
        var misnamed = LabelledImage.Cxr.Single(i => i.FileName == Path.GetFileName(RadiographTestImages.GrayPngNamedJpg));

        var decoded = RadiographDecoder.Decode(File.ReadAllBytes(misnamed.Path));

        Assert.Equal(("PNG", "png"), (misnamed.Format, decoded.Metadata.Format));
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, RadiographFormat.Png)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E }, RadiographFormat.Png)]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, RadiographFormat.Jpeg)]
    [InlineData(new byte[] { 0xFF, 0xD8 }, RadiographFormat.Jpeg)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x48 }, RadiographFormat.Unknown)]
    [InlineData(new byte[] { 0xFF, 0xD9, 0xFF }, RadiographFormat.Unknown)]
    [InlineData(new byte[0], RadiographFormat.Unknown)]
    public void Sniffer_recognises_signatures_and_their_prefixes(byte[] data, RadiographFormat expected)
    {
        Assert.Equal(expected, RadiographFormatSniffer.Sniff(data));
    }

    [Fact]
    public void Dicom_signature_wins_over_a_png_preamble()
    {
        var data = new byte[200];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(data, 0);
        "DICM"u8.CopyTo(data.AsSpan(128));

        Assert.Equal(RadiographFormat.Dicom, RadiographFormatSniffer.Sniff(data));
    }

    [Fact]
    public void Signature_prefix_alone_is_truncated_not_unknown()
    {
        DecodeAssert.Fails(DecodeErrorCode.Truncated, [0x89, 0x50, 0x4E]);
        DecodeAssert.Fails(DecodeErrorCode.Truncated, [0xFF, 0xD8]);
    }
}
