using System.Buffers.Binary;
using NCovNet.Core.Dicom;
using NCovNet.Core.Imaging;

namespace NCovNet.Core.Tests.Dicom;

/// <summary>RLE Lossless frames built by hand (PS3.5 annex G): byte planes, PackBits runs, fragment splits.</summary>
public sealed class RleDecoderTests
{
    private const string RleLossless = "1.2.840.10008.1.2.5";

    [Fact]
    public void Sixteen_bit_planes_are_recombined_most_significant_byte_first()
    {
        // Values 0x0102, 0x0304, 0x0506, 0x0708: high bytes 1,3,5,7 as a literal run; low bytes 2,4,6,8 likewise.
        var frame = RleFrame([0x03, 1, 3, 5, 7], [0x03, 2, 4, 6, 8]);
        var data = DicomTestWriter.Monochrome(DicomTestWriter.ExplicitLittleEndian, 2, 2, [])
            .Fragments(frame[..30], frame[30..])
            .ToPart10File(RleLossless);

        var image = DicomImage.Read(data, DecodeLimits.Default);

        Assert.Equal([0x0102, 0x0304, 0x0506, 0x0708], image.FirstFrame.Samples);
    }

    [Fact]
    public void Replicate_runs_and_no_op_headers_expand_as_packbits_defines()
    {
        // -3 repeats the next byte 4 times; -128 is skipped; 0 copies one literal byte.
        var frame = RleFrame([unchecked((byte)-3), 9, 0x80, 0x00, 200]);
        var data = DicomTestWriter.Monochrome(DicomTestWriter.ExplicitLittleEndian, 5, 1, [], bitsAllocated: 8)
            .Fragments(frame)
            .ToPart10File(RleLossless);

        var image = DicomImage.Read(data, DecodeLimits.Default);

        Assert.Equal([9, 9, 9, 9, 200], image.FirstFrame.Samples);
    }

    [Fact]
    public void A_segment_that_ends_early_is_malformed()
    {
        var frame = RleFrame([0x01, 7, 7]);
        var data = DicomTestWriter.Monochrome(DicomTestWriter.ExplicitLittleEndian, 5, 1, [], bitsAllocated: 8)
            .Fragments(frame)
            .ToPart10File(RleLossless);

        var error = Assert.Throws<RadiographDecodeException>(() => RadiographDecoder.Decode(data));

        Assert.Equal(DecodeErrorCode.Malformed, error.Code);
    }

    [Fact]
    public void A_segment_count_that_does_not_fit_the_image_is_malformed()
    {
        var frame = RleFrame([0x00, 1], [0x00, 2]);
        var data = DicomTestWriter.Monochrome(DicomTestWriter.ExplicitLittleEndian, 1, 1, [], bitsAllocated: 8)
            .Fragments(frame)
            .ToPart10File(RleLossless);

        var error = Assert.Throws<RadiographDecodeException>(() => RadiographDecoder.Decode(data));

        Assert.Equal(DecodeErrorCode.Malformed, error.Code);
    }

    private static byte[] RleFrame(params byte[][] segments)
    {
        var header = new byte[64];
        BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)segments.Length);
        var offset = 64;
        for (var i = 0; i < segments.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4 + (i * 4)), (uint)offset);
            offset += segments[i].Length;
        }

        return [.. header, .. segments.SelectMany(segment => segment)];
    }
}
