using NCovNet.Core.Imaging;
using NCovNet.Tests;

namespace NCovNet.Core.Tests.Imaging;

/// <summary>
/// The pixelSha256 convention on real files, against Reference/png_sample_hash.py (an
/// independent pure-Python PNG decoder): SHA-256 of the stored samples, row-major, channels
/// in file order.
/// </summary>
public sealed class PixelHashTests
{
    [Theory]
    [InlineData(RadiographTestImages.NihGrayPng, "GRAY", "13c0214f348d70563ac2d122caf540f17bebcfcdd1ab15b02beb961f5d85e185")]
    [InlineData(RadiographTestImages.RgbButGrayPng, "RGB", "56428ccc79ffb97ed2f432474c82e0c4327208520d7adcf934ff2da768699681")]
    [InlineData(RadiographTestImages.ColouredRgbaPng, "RGBA", "29597597a026c30af93e4ec6fd62016e09f9ecf8a712da6d0d6a1846f37c5092")]
    public void Png_hash_matches_the_reference_decoder(string file, string photometric, string sha256)
    {
        var metadata = RadiographDecoder.Decode(File.ReadAllBytes(RadiographTestImages.PathOf(file))).Metadata;

        Assert.Equal((photometric, sha256), (metadata.Photometric, metadata.PixelSha256));
    }
}
