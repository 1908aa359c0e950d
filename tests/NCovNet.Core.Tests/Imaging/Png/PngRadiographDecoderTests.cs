using System.Security.Cryptography;
using NCovNet.Core.Imaging;

namespace NCovNet.Core.Tests.Imaging.Png;

/// <summary>PNG decoding, split by concern: gray depths, colour rule, malformed input.</summary>
public sealed partial class PngRadiographDecoderTests
{
    private static DecodedRadiograph Decode(byte[] png)
    {
        var decoded = RadiographDecoder.Decode(png);
        Assert.Equal("png", decoded.Metadata.Format);
        return decoded;
    }

    private static string Sha256(byte[] samples) => Convert.ToHexStringLower(SHA256.HashData(samples));
}
