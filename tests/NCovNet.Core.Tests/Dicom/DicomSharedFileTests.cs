using NCovNet.Core.Dicom;
using NCovNet.Core.Imaging;
using NCovNet.Tests;

namespace NCovNet.Core.Tests.Dicom;

/// <summary>Every real file in ../shared/data/dicom against manifest.csv and reference_pixels.csv.</summary>
public sealed class DicomSharedFileTests
{
    // Baseline JPEG decoders may round the IDCT differently (libjpeg in the reference, ImageSharp here).
    private const int JpegTolerance = 3;

    public static TheoryData<string> AllFiles => [.. DicomManifestEntry.All.Select(entry => entry.File)];

    public static TheoryData<string> DecodableFiles =>
        [.. DicomManifestEntry.All.Where(entry => ExpectedDicomOutcome.For(entry, ReferencePixels.For(entry.File)) is null).Select(entry => entry.File)];

    [Fact]
    public void The_manifest_lists_every_file_in_the_folder()
    {
        var onDisk = Directory.GetFiles(SharedData.Dicom, "*.dcm").Select(Path.GetFileName).Order().ToArray();

        Assert.Equal(39, onDisk.Length);
        Assert.Equal(onDisk, DicomManifestEntry.All.Select(entry => entry.File).Order().ToArray());
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Decodes_or_fails_with_the_code_the_manifest_implies(string file)
    {
        var entry = DicomManifestEntry.For(file);
        var expected = ExpectedDicomOutcome.For(entry, ReferencePixels.For(file));

        var outcome = Record.Exception(() => RadiographDecoder.Decode(entry.ReadBytes()));

        if (expected is null)
        {
            Assert.Null(outcome);
            return;
        }

        var error = Assert.IsType<RadiographDecodeException>(outcome);
        Assert.Equal(expected, error.Code);
        if (expected == DecodeErrorCode.UnsupportedTransferSyntax)
        {
            Assert.Contains(entry.TransferSyntaxUid, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(DecodableFiles))]
    public void Headers_match_the_manifest(string file)
    {
        var entry = DicomManifestEntry.For(file);

        var metadata = RadiographDecoder.Decode(entry.ReadBytes()).Metadata;

        Assert.Equal("dicom", metadata.Format);
        Assert.Equal(entry.Columns, metadata.Width);
        Assert.Equal(entry.Rows, metadata.Height);
        Assert.Equal(entry.BitsStored, metadata.BitsStored);
        Assert.Equal(entry.Photometric, metadata.Photometric);
        Assert.Equal(NullIfEmpty(entry.Modality), metadata.Modality);
        Assert.Equal(NullIfEmpty(entry.ViewPosition), metadata.ViewPosition);
        Assert.Equal(entry.Frames ?? 1, metadata.Frames);
        Assert.Equal(ExpectedSyntax(entry), metadata.TransferSyntax);
    }

    [Theory]
    [MemberData(nameof(DecodableFiles))]
    public void Stored_pixels_match_the_reference(string file)
    {
        var entry = DicomManifestEntry.For(file);
        var reference = ReferencePixels.For(file);

        var image = DicomImage.Read(entry.ReadBytes(), DecodeLimits.Default);

        if (ExpectedDicomOutcome.IsLossless(entry))
        {
            Assert.Equal(reference.Sha256, image.FirstFrame.Sha256(image.Module.BitsAllocated));
        }

        var tolerance = ExpectedDicomOutcome.IsLossless(entry) ? 0 : JpegTolerance;
        foreach (var sample in reference.Samples)
        {
            var actual = StoredLuma(image, sample);
            Assert.InRange(actual, sample.Values[0] - tolerance, sample.Values[0] + tolerance);
        }
    }

    [Theory]
    [MemberData(nameof(DecodableFiles))]
    public void Display_intensities_lie_in_the_unit_range(string file)
    {
        var image = RadiographDecoder.Decode(DicomManifestEntry.For(file).ReadBytes()).Image;

        Assert.All(image.Pixels, value => Assert.InRange(value, 0f, 1f));
        Assert.True(image.Pixels.Max() > image.Pixels.Min(), "a real image is not one flat gray");
    }

    [Fact]
    public void The_jpeg_baseline_frame_is_close_to_the_reference_on_average()
    {
        var reference = ReferencePixels.For("fodicom__HasFragmentSequence.dcm");

        var image = DicomImage.Read(DicomManifestEntry.For(reference.File).ReadBytes(), DecodeLimits.Default);

        Assert.InRange(image.FirstFrame.Samples.Average(), reference.Mean - 0.5, reference.Mean + 0.5);
    }

    [Fact]
    public void The_monochrome1_chest_radiograph_is_inverted_so_air_is_black()
    {
        var decoded = RadiographDecoder.Decode(DicomManifestEntry.For("fodicom__CR-MONO1-10-chest.dcm").ReadBytes());

        // Stored 0 at the corner is maximal X-ray exposure; MONOCHROME1 shows it white, so after inversion it is 1.
        Assert.Equal(1f, decoded.Image[0, 0]);
        Assert.Contains(decoded.Metadata.Notes, note => note.Contains("MONOCHROME1", StringComparison.Ordinal));
    }

    [Fact]
    public void Multi_frame_files_decode_the_first_frame_and_say_so()
    {
        var metadata = RadiographDecoder.Decode(DicomManifestEntry.For("fodicom__HasFragmentSequence.dcm").ReadBytes()).Metadata;

        Assert.Equal(96, metadata.Frames);
        Assert.Contains("multi-frame: first of 96 frames decoded", metadata.Notes);
    }

    [Fact]
    public void Unsupported_syntaxes_are_named_in_the_error()
    {
        var error = Assert.Throws<RadiographDecodeException>(() => RadiographDecoder.Decode(DicomManifestEntry.For("pydicomdata__HTJ2KLossless_08_RGB.dcm").ReadBytes()));

        Assert.Equal(DecodeErrorCode.UnsupportedTransferSyntax, error.Code);
        Assert.Contains("1.2.840.10008.1.2.4.201", error.Message, StringComparison.Ordinal);
        Assert.Contains("High-Throughput JPEG 2000", error.Message, StringComparison.Ordinal);
    }

    // Files without file meta name their encoding in the manifest, e.g. "(none in file; implicit VR LE)".
    private static string ExpectedSyntax(DicomManifestEntry entry) =>
        entry.TransferSyntaxUid.Length > 0 ? entry.TransferSyntaxUid
        : entry.TransferSyntaxName.Contains("implicit VR LE", StringComparison.Ordinal) ? "1.2.840.10008.1.2"
        : throw new InvalidOperationException($"{entry.File}: no transfer syntax in the manifest");

    // Colour references are YBR_FULL samples whose first component is the BT.601 luma of the decoded RGB.
    private static double StoredLuma(DicomImage image, ReferenceSample sample)
    {
        var samples = image.FirstFrame.Samples;
        var pixel = (sample.Y * image.Module.Columns) + sample.X;
        return image.FirstFrame.SamplesPerPixel == 1
            ? samples[pixel]
            : (0.299 * samples[pixel * 3]) + (0.587 * samples[(pixel * 3) + 1]) + (0.114 * samples[(pixel * 3) + 2]);
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
