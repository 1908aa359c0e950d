using NCovNet.Core.Dicom;
using NCovNet.Tests;

namespace NCovNet.Core.Tests.Dicom;

/// <summary>DICOM is recognised with or without a preamble, and PNG/JPEG never are.</summary>
public sealed class DicomSnifferTests
{
    [Fact]
    public void Every_shared_dicom_file_with_a_readable_start_is_recognised()
    {
        var readable = DicomManifestEntry.All.Where(entry => !entry.HeaderSource.Contains("from byte", StringComparison.Ordinal));

        Assert.All(readable, entry => Assert.True(DicomDecoder.LooksLikeDicom(entry.ReadBytes()), entry.File));
    }

    [Fact]
    public void No_real_png_or_jpeg_radiograph_is_taken_for_dicom()
    {
        var images = Directory.EnumerateFiles(SharedData.Cxr, "*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".png", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase))
            .ToArray();

        Assert.NotEmpty(images);
        Assert.All(images, path => Assert.False(DicomDecoder.LooksLikeDicom(ReadHead(path)), path));
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 })]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0, 1 })]
    [InlineData(new byte[] { 0x08, 0x00, 0x05, 0x00 })]
    [InlineData(new byte[] { 0x08, 0x00, 0x05, 0x00, 0xFF, 0x00, 0x00, 0x00 })]
    [InlineData(new byte[] { 0x28, 0x00, 0x10, 0x00, 0x02, 0x00, 0x00, 0x00, 0x01, 0x00 })]
    public void Non_dicom_starts_are_rejected(byte[] data) => Assert.False(DicomDecoder.LooksLikeDicom(data));

    [Fact]
    public void A_bare_explicit_vr_dataset_is_recognised()
    {
        var data = new DicomTestWriter().String(0x0008, 0x0060, "CS", "CR").ToDataset();

        Assert.True(DicomDecoder.LooksLikeDicom(data));
    }

    private static byte[] ReadHead(string path)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[Math.Min(4096, stream.Length)];
        stream.ReadExactly(head);
        return head;
    }
}
