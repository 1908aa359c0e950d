using System.CommandLine;
using System.Text.Json;
using NCovNet.Core.Imaging;

namespace NCovNet.Cli.Commands;

/// <summary>
/// `ncovnet inspect FILE [--json]`: decodes a PNG, JPEG or DICOM file and prints its metadata,
/// or the typed decode error. Exit code 0 when it decodes, 4 on a decode error, 3 when the
/// file cannot be read (see <see cref="ExitCodes"/>).
/// </summary>
public static class InspectCommand
{
    public const int DecodeFailed = ExitCodes.SomeImagesFailed;
    public const int FileUnreadable = ExitCodes.UnusableInput;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The PNG, JPEG or DICOM file." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var command = new Command("inspect", "Decode a radiograph and print its format, size, bit depth, photometric, pixel hash, or the decode error.")
        {
            file,
            json,
        };
        command.SetAction(parse =>
        {
            var (report, exitCode) = Inspect(parse.GetRequiredValue(file));
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine(parse.GetValue(json) ? JsonSerializer.Serialize(report, Json) : Table(report));
            return exitCode;
        });
        return command;
    }

    public static (InspectReport Report, int ExitCode) Inspect(FileInfo file)
    {
        var limits = DecodeLimits.Default;
        byte[] data;
        try
        {
            if (file.Exists && file.Length > limits.MaxBytes)
            {
                return (InspectReport.Failed(file.FullName, DecodeErrorCode.TooManyBytes.ToCode(), $"The file has {file.Length} bytes; the limit is {limits.MaxBytes}."), DecodeFailed);
            }

            data = File.ReadAllBytes(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var code = e is FileNotFoundException or DirectoryNotFoundException ? "file-not-found" : "unreadable-file";
            return (InspectReport.Failed(file.FullName, code, e.Message), FileUnreadable);
        }

        try
        {
            return (InspectReport.Decoded(file.FullName, RadiographDecoder.Decode(data, limits).Metadata), 0);
        }
        catch (RadiographDecodeException e)
        {
            return (InspectReport.Failed(file.FullName, e.Code.ToCode(), e.Message), DecodeFailed);
        }
    }

    private static string Table(InspectReport r)
    {
        (string Name, object? Value)[] rows =
        [
            ("file", r.File),
            ("format", r.Format),
            ("width", r.Width),
            ("height", r.Height),
            ("bitsStored", r.BitsStored),
            ("photometric", r.Photometric),
            ("transferSyntax", r.TransferSyntax),
            ("frames", r.Frames),
            ("pixelSha256", r.PixelSha256),
            ("colorWasGray", r.ColorWasGray),
            ("modality", r.Modality),
            ("viewPosition", r.ViewPosition),
            ("notes", r.Notes is { Count: > 0 } notes ? string.Join("; ", notes) : null),
            ("error", r.Error is { } error ? $"{error.Code}: {error.Message}" : null),
        ];
        return string.Join(Environment.NewLine, rows.Select(row => $"{row.Name,-15} {row.Value ?? "-"}"));
    }
}
