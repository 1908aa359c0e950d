using NCovNet.Core.Imaging;

namespace NCovNet.Core.Tests.Imaging;

/// <summary>Assertions on how the decoder refuses input.</summary>
public static class DecodeAssert
{
    public static RadiographDecodeException Fails(DecodeErrorCode expected, byte[] data, DecodeLimits? limits = null)
    {
        var error = Assert.Throws<RadiographDecodeException>(() => RadiographDecoder.Decode(data, limits));
        Assert.True(expected == error.Code, $"Expected {expected}, got {error.Code}: {error.Message}");
        return error;
    }
}
