using NCovNet.Core.Imaging;
using NCovNet.Core.Tests.TestData;

namespace NCovNet.Core.Tests.Imaging;

/// <summary>Every real radiograph in ../shared decodes, and its header facts match the data set's labels.</summary>
public sealed class RealRadiographDecodingTests
{
    public static TheoryData<string> CxrFiles => Names(LabelledImage.Cxr);

    public static TheoryData<string> CxrNihFiles => Names(LabelledImage.CxrNih);

    [Theory]
    [MemberData(nameof(CxrFiles))]
    public void Cxr_image_decodes_with_labelled_size_depth_and_colour(string name) => AssertMatchesLabels(Find(LabelledImage.Cxr, name));

    [Theory]
    [MemberData(nameof(CxrNihFiles))]
    public void Cxr_nih_image_decodes_with_labelled_size(string name) => AssertMatchesLabels(Find(LabelledImage.CxrNih, name));

    private static void AssertMatchesLabels(LabelledImage label)
    {
        var decoded = RadiographDecoder.Decode(File.ReadAllBytes(label.Path));
        var metadata = decoded.Metadata;

        Assert.Equal(label.Format.ToLowerInvariant(), metadata.Format);
        Assert.Equal((label.Width, label.Height), (metadata.Width, metadata.Height));
        Assert.Equal((label.Width, label.Height), (decoded.Image.Width, decoded.Image.Height));
        Assert.Equal(1, metadata.Frames);
        Assert.Null(metadata.TransferSyntax);
        Assert.Matches("^[0-9a-f]{64}$", metadata.PixelSha256);
        Assert.All(decoded.Image.Pixels, v => Assert.InRange(v, 0f, 1f));
        if (label.BitDepth is { } depth)
        {
            Assert.Equal(depth, metadata.BitsStored);
        }

        if (label.PilMode is { } mode)
        {
            Assert.Equal(ExpectedPhotometric(mode), metadata.Photometric);
        }

        Assert.Equal(label.RgbButGray ?? false, metadata.ColorWasGray);
    }

    private static string ExpectedPhotometric(string pilMode) => pilMode switch
    {
        "L" => "GRAY",
        "P" => "PALETTE",
        "RGB" => "RGB",
        "RGBA" => "RGBA",
        _ => throw new InvalidDataException($"Unexpected PIL mode {pilMode} in labels.csv"),
    };

    private static LabelledImage Find(IEnumerable<LabelledImage> set, string name) => set.Single(i => i.FileName == name);

    private static TheoryData<string> Names(IEnumerable<LabelledImage> set) => new(set.Select(i => i.FileName));
}
