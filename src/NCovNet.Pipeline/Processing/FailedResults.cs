using NCovNet.Core.Imaging;
using NCovNet.Core.Models;
using NCovNet.Core.Scanning;

namespace NCovNet.Pipeline.Processing;

/// <summary>Failed results the pipeline itself produces (the scanner produces the rest).</summary>
public static class FailedResults
{
    public const string InternalErrorCode = "internal-error";

    public static ScanResult TooManyBytes(long length, long limit, ModelManifest model) =>
        Failed(DecodeErrorCode.TooManyBytes.ToCode(), $"The input has {length} bytes; the limit is {limit}.", model);

    public static ScanResult InternalError(ModelManifest model) =>
        Failed(InternalErrorCode, "The scanner failed unexpectedly on this input; an operator was notified through the dead-letter queue.", model);

    private static ScanResult Failed(string code, string message, ModelManifest model) => new()
    {
        Status = ScanResult.Failed,
        Model = new ModelIdentity(model.Name, model.Version, model.OnnxSha256),
        Error = new ScanError(code, message),
    };
}
