using NCovNet.Core.Dicom;
using NCovNet.Core.Imaging;

namespace NCovNet.Core.Tests.Dicom;

/// <summary>Each limit and structural fault gives its typed error.</summary>
public sealed class DicomErrorTests
{
    [Fact]
    public void A_file_without_pixel_data_reports_no_pixel_data()
    {
        var data = new DicomTestWriter().String(0x0008, 0x0060, "CS", "SR").ToPart10File(DicomTestWriter.ExplicitLittleEndian);

        AssertFails(DecodeErrorCode.NoPixelData, data);
    }

    [Fact]
    public void A_huge_declared_size_is_refused_before_pixels_are_allocated()
    {
        var data = DicomTestWriter.Monochrome(DicomTestWriter.ExplicitLittleEndian, 2, 2, [1, 2, 3, 4])
            .UInt16(0x0028, 0x0010, 65535)
            .UInt16(0x0028, 0x0011, 65535)
            .ToDataset();

        var before = GC.GetAllocatedBytesForCurrentThread();
        AssertFails(DecodeErrorCode.TooManyPixels, data);

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000, "nothing frame-sized was allocated");
    }

    [Fact]
    public void The_pixel_limit_is_configuration()
    {
        var data = DicomTestWriter.Monochrome(DicomTestWriter.ExplicitLittleEndian, 4, 4, new int[16]).ToDataset();

        AssertFails(DecodeErrorCode.TooManyPixels, data, new DecodeLimits { MaxPixels = 15 });
        Assert.Equal(16, RadiographDecoder.Decode(data, new DecodeLimits { MaxPixels = 16 }).Image.Pixels.Length);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Sequences_nested_deeper_than_the_limit_are_refused(bool undefinedLength)
    {
        var nested = new DicomTestWriter().String(0x0008, 0x0100, "SH", "X");
        for (var depth = 0; depth < 40; depth++)
        {
            nested = new DicomTestWriter().Sequence(0x0040, 0xA730, undefinedLength, nested);
        }

        var data = DicomTestWriter.Monochrome(DicomTestWriter.ExplicitLittleEndian, 1, 1, [0])
            .Sequence(0x0040, 0xA730, undefinedLength, nested)
            .ToDataset();

        AssertFails(DecodeErrorCode.NestingTooDeep, data);
        Assert.NotNull(RadiographDecoder.Decode(data, new DecodeLimits { MaxSequenceDepth = 64 }));
    }

    [Fact]
    public void A_hundred_thousand_nested_sequences_stop_at_the_limit()
    {
        byte[] level = [0x40, 0x00, 0x30, 0xA7, (byte)'S', (byte)'Q', 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE, 0xFF, 0x00, 0xE0, 0xFF, 0xFF, 0xFF, 0xFF];
        var head = new DicomTestWriter().String(0x0008, 0x0060, "CS", "DX").ToDataset();
        var data = head.Concat(Enumerable.Repeat(level, 100_000).SelectMany(bytes => bytes)).ToArray();

        AssertFails(DecodeErrorCode.NestingTooDeep, data);
    }

    [Fact]
    public void Pixel_data_shorter_than_one_frame_is_truncated()
    {
        var data = DicomTestWriter.Monochrome(DicomTestWriter.ExplicitLittleEndian, 4, 4, [1, 2, 3]).ToDataset();

        AssertFails(DecodeErrorCode.Truncated, data);
    }

    [Fact]
    public void An_element_longer_than_the_file_is_truncated()
    {
        var data = DicomTestWriter.Monochrome(DicomTestWriter.ExplicitLittleEndian, 2, 2, [1, 2, 3, 4]).ToDataset();

        AssertFails(DecodeErrorCode.Truncated, data[..^3]);
    }

    [Fact]
    public void An_impossible_element_length_is_malformed()
    {
        var data = DicomTestWriter.Monochrome(DicomTestWriter.ExplicitLittleEndian, 2, 2, [1, 2, 3, 4]).ToDataset();
        var pixelLength = data.Length - 8 - 4;
        BitConverter.TryWriteBytes(data.AsSpan(pixelLength), 0xFFFFFFF0u);

        AssertFails(DecodeErrorCode.Malformed, data);
    }

    [Fact]
    public void An_item_of_undefined_length_without_delimiter_is_truncated()
    {
        var item = new DicomTestWriter().String(0x0008, 0x0100, "SH", "X");
        var data = DicomTestWriter.Monochrome(DicomTestWriter.ExplicitLittleEndian, 1, 1, [0])
            .Sequence(0x0028, 0x3010, undefinedLength: true, item)
            .ToDataset();
        var withoutDelimiters = data.AsSpan(0, Array.LastIndexOf(data, (byte)'X') + 2).ToArray();

        AssertFails(DecodeErrorCode.Truncated, withoutDelimiters);
    }

    [Fact]
    public void Missing_rows_is_malformed()
    {
        var data = new DicomTestWriter()
            .String(0x0008, 0x0060, "CS", "DX")
            .UInt16(0x0028, 0x0011, 2)
            .UInt16(0x0028, 0x0100, 16)
            .Words(0x7FE0, 0x0010, "OW", [1, 2])
            .ToDataset();

        AssertFails(DecodeErrorCode.Malformed, data);
    }

    [Theory]
    [InlineData("PALETTE COLOR")]
    [InlineData("YBR_ICT")]
    public void Unhandled_photometric_interpretations_are_unsupported_content(string photometric)
    {
        var data = DicomTestWriter.Monochrome(DicomTestWriter.ExplicitLittleEndian, 1, 1, [0], photometric: photometric).ToDataset();

        AssertFails(DecodeErrorCode.UnsupportedContent, data);
    }

    [Theory]
    [InlineData("1.2.840.10008.1.2.4.57", "JPEG Lossless")]
    [InlineData("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy")]
    [InlineData("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000")]
    [InlineData("1.2.3.4.5", "unknown transfer syntax")]
    public void Other_transfer_syntaxes_name_their_uid(string uid, string name)
    {
        var data = DicomTestWriter.Monochrome(DicomTestWriter.ExplicitLittleEndian, 1, 1, [0]).ToPart10File(uid);

        var error = AssertFails(DecodeErrorCode.UnsupportedTransferSyntax, data);

        Assert.Contains(uid, error.Message, StringComparison.Ordinal);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_jpeg_baseline_fragment_that_is_not_a_jpeg_is_malformed()
    {
        var data = DicomTestWriter.Monochrome(DicomTestWriter.ExplicitLittleEndian, 2, 2, [], bitsAllocated: 8)
            .Fragments([1, 2, 3, 4])
            .ToPart10File(DicomTestWriter.JpegBaseline);

        AssertFails(DecodeErrorCode.Malformed, data);
    }

    [Fact]
    public void Errors_never_carry_patient_identifying_values()
    {
        var data = DicomTestWriter.Monochrome(DicomTestWriter.ExplicitLittleEndian, 4, 4, [1])
            .String(0x0010, 0x0010, "PN", "DOE^JANE")
            .String(0x0010, 0x0020, "LO", "PID-12345")
            .ToDataset();

        var error = AssertFails(DecodeErrorCode.Truncated, data);

        Assert.DoesNotContain("DOE", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("12345", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_never_carries_patient_identifying_values()
    {
        var data = DicomTestWriter.Monochrome(DicomTestWriter.ExplicitLittleEndian, 1, 1, [1])
            .String(0x0010, 0x0010, "PN", "DOE^JANE")
            .String(0x0010, 0x0020, "LO", "PID-12345")
            .String(0x0010, 0x0030, "DA", "19700101")
            .ToDataset();

        var metadata = RadiographDecoder.Decode(data).Metadata;
        var text = string.Join("|", metadata.Notes) + metadata;

        Assert.DoesNotContain("DOE", text, StringComparison.Ordinal);
        Assert.DoesNotContain("12345", text, StringComparison.Ordinal);
        Assert.DoesNotContain("19700101", text, StringComparison.Ordinal);
    }

    private static RadiographDecodeException AssertFails(DecodeErrorCode code, byte[] data, DecodeLimits? limits = null)
    {
        var error = Assert.Throws<RadiographDecodeException>(() => RadiographDecoder.Decode(data, limits));
        Assert.Equal(code, error.Code);
        return error;
    }
}
