using NCovNet.Core.Imaging;

namespace NCovNet.Cli.Commands;

/// <summary>What `ncovnet inspect` prints: the decoded metadata, or the typed error (then the other fields are null).</summary>
public sealed record InspectReport(
    string File,
    string? Format,
    int? Width,
    int? Height,
    int? BitsStored,
    string? Photometric,
    string? TransferSyntax,
    int? Frames,
    string? PixelSha256,
    bool? ColorWasGray,
    string? Modality,
    string? ViewPosition,
    IReadOnlyList<string>? Notes,
    InspectError? Error)
{
    public static InspectReport Decoded(string file, ImageMetadata m) => new(
        file, m.Format, m.Width, m.Height, m.BitsStored, m.Photometric, m.TransferSyntax, m.Frames, m.PixelSha256, m.ColorWasGray, m.Modality, m.ViewPosition, m.Notes, Error: null);

    public static InspectReport Failed(string file, string code, string message) => new(
        file, null, null, null, null, null, null, null, null, null, null, null, null, new InspectError(code, message));
}

/// <summary>A decode error as printed: <see cref="DecodeErrorCodes.ToCode"/> or a file error code, and a readable message.</summary>
public sealed record InspectError(string Code, string Message);
