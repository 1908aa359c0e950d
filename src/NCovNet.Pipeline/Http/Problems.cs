using Microsoft.AspNetCore.Http;

namespace NCovNet.Pipeline.Http;

/// <summary>RFC 9457 problem-details responses with a stable machine-readable code.</summary>
public static class Problems
{
    public static IResult InvalidId(string? id) =>
        Create(StatusCodes.Status400BadRequest, "invalid-scan-id", "Invalid scan id", $"A scan id is 64 hexadecimal digits (the SHA-256 of the image); got {Describe(id)}.");

    public static IResult NotFound(string scanId) =>
        Create(StatusCodes.Status404NotFound, "scan-not-found", "Scan not found", $"No scan {scanId} was uploaded.");

    public static IResult HeatmapNotFound(string scanId) =>
        Create(StatusCodes.Status404NotFound, "heatmap-not-found", "Heatmap not found", $"Scan {scanId} has no heatmap (it failed, or is not scored yet).");

    public static IResult InvalidHeatmapKind(string kind) =>
        Create(StatusCodes.Status400BadRequest, "invalid-heatmap-kind", "Invalid heatmap kind", $"kind must be 'overlay' (default) or 'map'; got '{Truncate(kind)}'.");

    public static IResult TooLarge(long limit) =>
        Create(StatusCodes.Status413PayloadTooLarge, "too-many-bytes", "Image too large", $"The image is larger than the limit of {limit} bytes.");

    public static IResult Empty() =>
        Create(StatusCodes.Status400BadRequest, "empty", "Empty body", "Send the image bytes (PNG, JPEG or DICOM) as the request body.");

    public static IResult UnsupportedMediaType() =>
        Create(StatusCodes.Status415UnsupportedMediaType, "unknown-format", "Not an image", "The body is not a PNG, JPEG or DICOM file.");

    public static IResult Unhealthy(string detail) =>
        Create(StatusCodes.Status503ServiceUnavailable, "unhealthy", "Unhealthy", detail);

    public static IResult Unauthorized() =>
        Create(StatusCodes.Status401Unauthorized, "api-key-required", "API key required", "Send the API key in the x-functions-key header or the code query parameter.");

    /// <summary>An error nobody handled; the details stay in the log, not in the answer.</summary>
    public static IResult Unexpected() =>
        Create(StatusCodes.Status500InternalServerError, "internal-error", "Unexpected error", "The request failed on the server; it was logged. Try again later.");

    private static IResult Create(int status, string code, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["code"] = code });

    private static string Describe(string? id) => id is null ? "nothing" : $"'{Truncate(id)}' ({id.Length} characters)";

    private static string Truncate(string value) => value.Length <= 80 ? value : value[..80] + "...";
}
