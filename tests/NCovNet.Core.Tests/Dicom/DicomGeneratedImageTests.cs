using System.Buffers.Binary;
using System.Security.Cryptography;
using NCovNet.Core.Dicom;
using NCovNet.Core.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Core.Tests.Dicom;

/// <summary>Encodings and display rules on files written by <see cref="DicomTestWriter"/>, where every expected value is known exactly.</summary>
public sealed class DicomGeneratedImageTests
{
    private const float Precision = 1e-6f;

    [Fact]
    public void Implicit_little_endian_without_preamble_or_meta_is_recognised_and_decoded()
    {
        var data = DicomTestWriter.Monochrome(DicomTestWriter.ImplicitLittleEndian, 3, 2, [0, 100, 200, 300, 400, 500]).ToDataset();

        Assert.True(DicomDecoder.LooksLikeDicom(data));
        var decoded = RadiographDecoder.Decode(data);

        Assert.Equal(DicomTestWriter.ImplicitLittleEndian, decoded.Metadata.TransferSyntax);
        Assert.Equal([0f, 0.2f, 0.4f, 0.6f, 0.8f, 1f], decoded.Image.Pixels, (a, b) => Math.Abs(a - b) < Precision);
    }

    [Fact]
    public void Explicit_little_endian_part10_file_reports_its_header()
    {
        var data = DicomTestWriter.Monochrome(DicomTestWriter.ExplicitLittleEndian, 2, 1, [7, 9])
            .String(0x0018, 0x5101, "CS", "PA")
            .ToPart10File(DicomTestWriter.ExplicitLittleEndian);

        var metadata = RadiographDecoder.Decode(data).Metadata;

        Assert.Equal((2, 1, 16, "MONOCHROME2", "DX", "PA"), (metadata.Width, metadata.Height, metadata.BitsStored, metadata.Photometric, metadata.Modality, metadata.ViewPosition));
        Assert.Equal(Sha256OfWords([7, 9]), metadata.PixelSha256);
    }

    [Fact]
    public void Explicit_big_endian_signed_pixels_keep_their_values()
    {
        int[] values = [-1000, -1, 0, 1, 999, 32767];
        var data = DicomTestWriter.Monochrome(DicomTestWriter.ExplicitBigEndian, 3, 2, values, signed: true).ToPart10File(DicomTestWriter.ExplicitBigEndian);

        var image = DicomImage.Read(data, DecodeLimits.Default);

        Assert.Equal(values, image.FirstFrame.Samples);
        Assert.Equal(Sha256OfWords(values), image.FirstFrame.Sha256(16));
    }

    [Fact]
    public void Bits_outside_bits_stored_are_masked_and_the_sign_is_extended_from_the_high_bit()
    {
        var data = DicomTestWriter.Monochrome(DicomTestWriter.ExplicitLittleEndian, 3, 1, [0xF000 | 0x0FFF, 0x0800, 0xA000 | 0x07FF], signed: true)
            .UInt16(0x0028, 0x0101, 12)
            .UInt16(0x0028, 0x0102, 11)
            .ToPart10File(DicomTestWriter.ExplicitLittleEndian);

        var image = DicomImage.Read(data, DecodeLimits.Default);

        Assert.Equal([-1, -2048, 2047], image.FirstFrame.Samples);
    }

    [Fact]
    public void Monochrome1_is_inverted_so_that_zero_is_black()
    {
        var data = DicomTestWriter.Monochrome(DicomTestWriter.ExplicitLittleEndian, 3, 1, [0, 50, 100], photometric: "MONOCHROME1").ToDataset();

        var image = RadiographDecoder.Decode(data).Image;

        Assert.Equal([1f, 0.5f, 0f], image.Pixels, (a, b) => Math.Abs(a - b) < Precision);
    }

    [Fact]
    public void Rescale_then_the_first_of_several_windows_is_applied()
    {
        var data = DicomTestWriter.Monochrome(DicomTestWriter.ExplicitLittleEndian, 4, 1, [0, 50, 100, 120])
            .String(0x0028, 0x1052, "DS", "-100")
            .String(0x0028, 0x1053, "DS", "2")
            .String(0x0028, 0x1050, "DS", "100\\300")
            .String(0x0028, 0x1051, "DS", "200\\50")
            .ToDataset();

        var image = RadiographDecoder.Decode(data).Image;

        // Modality values -100, 0, 100, 140; LINEAR window centre 100, width 200 (PS3.3 C.11.2.1.2.1).
        float[] expected = [0f, (float)(((0 - 99.5) / 199) + 0.5), (float)((0.5 / 199) + 0.5), (float)((40.5 / 199) + 0.5)];
        Assert.Equal(expected, image.Pixels, (a, b) => Math.Abs(a - b) < Precision);
    }

    [Fact]
    public void Without_a_usable_window_the_image_range_is_used()
    {
        var data = DicomTestWriter.Monochrome(DicomTestWriter.ExplicitLittleEndian, 3, 1, [1000, 1500, 3000])
            .String(0x0028, 0x1050, "DS", "40")
            .String(0x0028, 0x1051, "DS", "0")
            .ToDataset();

        var decoded = RadiographDecoder.Decode(data);

        Assert.Equal([0f, 0.25f, 1f], decoded.Image.Pixels, (a, b) => Math.Abs(a - b) < Precision);
        Assert.Contains("VOI: image range 1000..3000", decoded.Metadata.Notes);
    }

    [Fact]
    public void The_voi_lut_sequence_takes_precedence_over_the_window()
    {
        var lut = new DicomTestWriter()
            .UInt16(0x0028, 0x3002, 4, 0, 8)
            .Words(0x0028, 0x3006, "OW", [0, 10, 200, 255]);
        var data = DicomTestWriter.Monochrome(DicomTestWriter.ExplicitLittleEndian, 5, 1, [0, 1, 2, 3, 9], bitsAllocated: 8)
            .String(0x0028, 0x1050, "DS", "1")
            .String(0x0028, 0x1051, "DS", "2")
            .Sequence(0x0028, 0x3010, undefinedLength: true, lut)
            .ToDataset();

        var image = RadiographDecoder.Decode(data).Image;

        Assert.Equal([0f, 10 / 255f, 200 / 255f, 1f, 1f], image.Pixels, (a, b) => Math.Abs(a - b) < Precision);
    }

    [Fact]
    public void The_modality_lut_sequence_replaces_rescale()
    {
        var lut = new DicomTestWriter(explicitVr: false)
            .UInt16(0x0028, 0x3002, 3, 10, 12)
            .Words(0x0028, 0x3006, "OW", [0, 2000, 4095]);
        var data = DicomTestWriter.Monochrome(DicomTestWriter.ImplicitLittleEndian, 4, 1, [10, 11, 12, 9])
            .String(0x0028, 0x1053, "DS", "100")
            .Sequence(0x0028, 0x3000, undefinedLength: false, lut)
            .ToDataset();

        var image = RadiographDecoder.Decode(data).Image;

        Assert.Equal([0f, 2000 / 4095f, 1f, 0f], image.Pixels, (a, b) => Math.Abs(a - b) < Precision);
    }

    [Fact]
    public void Multi_frame_native_data_decodes_the_first_frame()
    {
        var data = DicomTestWriter.Monochrome(DicomTestWriter.ExplicitLittleEndian, 2, 1, [5, 6, 900, 901])
            .String(0x0028, 0x0008, "IS", "2")
            .ToDataset();

        var image = DicomImage.Read(data, DecodeLimits.Default);
        var metadata = RadiographDecoder.Decode(data).Metadata;

        Assert.Equal([5, 6], image.FirstFrame.Samples);
        Assert.Equal(2, metadata.Frames);
        Assert.Contains("multi-frame: first of 2 frames decoded", metadata.Notes);
    }

    [Fact]
    public void Planar_rgb_is_converted_with_bt601_luma()
    {
        var data = new DicomTestWriter()
            .String(0x0008, 0x0060, "CS", "OT")
            .UInt16(0x0028, 0x0002, 3)
            .String(0x0028, 0x0004, "CS", "RGB")
            .UInt16(0x0028, 0x0006, 1)
            .UInt16(0x0028, 0x0010, 1)
            .UInt16(0x0028, 0x0011, 2)
            .UInt16(0x0028, 0x0100, 8)
            .UInt16(0x0028, 0x0101, 8)
            .UInt16(0x0028, 0x0102, 7)
            .Bytes8([255, 0, 0, 255, 0, 0])
            .ToDataset();

        var image = RadiographDecoder.Decode(data).Image;

        Assert.Equal([0.299f, 0.587f], image.Pixels, (a, b) => Math.Abs(a - b) < Precision);
    }

    [Fact]
    public void Jpeg_baseline_fragments_are_decoded_with_imagesharp()
    {
        using var source = new Image<L8>(16, 8, new L8(0));
        source[3, 2] = new L8(255);
        using var jpeg = new MemoryStream();
        source.SaveAsJpeg(jpeg, new JpegEncoder { Quality = 100, ColorType = JpegColorType.Luminance });
        var bytes = jpeg.ToArray();
        var data = DicomTestWriter.Monochrome(DicomTestWriter.ExplicitLittleEndian, 16, 8, [], bitsAllocated: 8)
            .Fragments(bytes[..20], bytes[20..])
            .ToPart10File(DicomTestWriter.JpegBaseline);

        var image = DicomImage.Read(data, DecodeLimits.Default);

        Assert.InRange(image.FirstFrame.Samples[(2 * 16) + 3], 200, 255);
        Assert.InRange(image.FirstFrame.Samples[(7 * 16) + 15], 0, 10);
    }

    private static string Sha256OfWords(int[] values)
    {
        var bytes = new byte[values.Length * 2];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), (short)values[i]);
        }

        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
