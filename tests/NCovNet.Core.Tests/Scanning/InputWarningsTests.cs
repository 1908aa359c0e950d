using NCovNet.Core.Imaging;
using NCovNet.Core.Scanning;

namespace NCovNet.Core.Tests.Scanning;

public sealed class InputWarningsTests
{
    private static readonly ImageMetadata FrontalGrayDicom = new()
    {
        Format = "dicom",
        Width = 2048,
        Height = 2500,
        BitsStored = 12,
        Photometric = "MONOCHROME2",
        Modality = "DX",
        ViewPosition = "PA",
    };

    [Fact]
    public void A_frontal_gray_radiograph_of_normal_size_has_no_warning()
    {
        Assert.Empty(InputWarnings.For(FrontalGrayDicom));
        Assert.Empty(InputWarnings.For(FrontalGrayDicom with { Format = "png", Photometric = "RGB", ColorWasGray = true, Modality = null }));
    }

    [Theory]
    [InlineData("LL")]
    [InlineData("RL")]
    [InlineData("LATERAL")]
    public void A_lateral_view_is_flagged(string view)
    {
        var warning = Assert.Single(InputWarnings.For(FrontalGrayDicom with { ViewPosition = view }));
        Assert.StartsWith("lateral-view:", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CT")]
    [InlineData("MR")]
    [InlineData("US")]
    public void A_modality_that_is_not_a_radiograph_is_flagged(string modality)
    {
        var warning = Assert.Single(InputWarnings.For(FrontalGrayDicom with { Modality = modality }));
        Assert.StartsWith($"non-radiograph-modality: modality '{modality}'", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Small_colour_and_multi_frame_inputs_are_flagged_together()
    {
        var input = FrontalGrayDicom with { Width = 300, Height = 255, Photometric = "YBR_FULL", Frames = 3 };

        var codes = InputWarnings.For(input).Select(w => w[..w.IndexOf(':')]).ToArray();

        Assert.Equal(["small-image", "color-input", "multi-frame"], codes);
    }
}
