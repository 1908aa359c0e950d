namespace NCovNet.Core.Imaging;

/// <summary>The one exception type decoders throw for bad input. Anything else escaping a decoder is a bug.</summary>
public sealed class RadiographDecodeException : Exception
{
    public RadiographDecodeException(DecodeErrorCode code, string message, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
    }

    public DecodeErrorCode Code { get; }
}
