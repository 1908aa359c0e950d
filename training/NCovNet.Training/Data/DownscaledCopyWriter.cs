using System.Text;
using NCovNet.Core.Imaging;
using NCovNet.Training.Debiasing;
using NCovNet.Training.Loading;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace NCovNet.Training.Data;

/// <summary>
/// Writes a compact copy of a labelled set for a machine that takes little data (a GPU host reached
/// through a 64 MiB transfer): each image decoded by the core decoder (as training reads it), shrunk
/// so its long side is at most <see cref="MaxSide"/> (aspect kept, never enlarged; triangle filter in
/// 16 bits as <see cref="WorkingImageCache"/>), stored as 8-bit gray, plus a labels.csv with the same
/// label, split and patient group per image that <see cref="LabelsCsvReader"/> reads.
/// </summary>
public sealed class DownscaledCopyWriter
{
    public const string LabelsFileName = "labels.csv";

    public DownscaledCopyWriter(int maxSide, CompactImageFormat format, int jpegQuality)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSide, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(jpegQuality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(jpegQuality, 100);
        MaxSide = maxSide;
        Format = format;
        Encoder = format == CompactImageFormat.Png
            ? new PngEncoder { ColorType = PngColorType.Grayscale, BitDepth = PngBitDepth.Bit8, CompressionLevel = PngCompressionLevel.BestCompression }
            : new JpegEncoder { Quality = jpegQuality, ColorType = JpegColorType.Luminance };
    }

    public int MaxSide { get; }

    public CompactImageFormat Format { get; }

    private IImageEncoder Encoder { get; }

    private string Extension => Format == CompactImageFormat.Png ? ".png" : ".jpg";

    /// <summary>Writes <paramref name="folder"/>/labels.csv and folder/images/; returns the bytes written.</summary>
    public long Write(IReadOnlyList<LabeledImage> images, string folder, int workers, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Directory.CreateDirectory(Path.Combine(folder, "images"));
        var names = images.Select((image, index) => $"images/{index:D4}_{Path.GetFileNameWithoutExtension(image.Path)}{Extension}").ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers), CancellationToken = cancel };
        Parallel.For(0, images.Count, parallel, i => WriteImage(images[i], Path.Combine(folder, names[i])));
        var csv = new StringBuilder("filename,label,split,patient_group,original_filename\n");
        for (var i = 0; i < images.Count; i++)
        {
            var image = images[i];
            csv.AppendJoin(',', new[] { names[i], image.Label, image.Split, image.PatientGroup, Path.GetFileName(image.Path) }.Select(CsvField)).Append('\n');
        }

        var labels = Path.Combine(folder, LabelsFileName);
        File.WriteAllText(labels, csv.ToString());
        return names.Sum(name => new FileInfo(Path.Combine(folder, name)).Length) + new FileInfo(labels).Length;
    }

    private (int Width, int Height) TargetSize(int width, int height)
    {
        var longSide = Math.Max(width, height);
        if (longSide <= MaxSide)
        {
            return (width, height);
        }

        var scale = (double)MaxSide / longSide;
        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }

    private void WriteImage(LabeledImage image, string path)
    {
        var gray = RadiographReader.Read(image);
        var (width, height) = TargetSize(gray.Width, gray.Height);
        using var l16 = GrayImageBytes.ToL16(gray);
        if (width != gray.Width || height != gray.Height)
        {
            l16.Mutate(x => x.Resize(width, height, KnownResamplers.Triangle));
        }

        using var l8 = l16.CloneAs<L8>();
        l8.Save(path, Encoder);
    }

    private static string CsvField(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : '"' + value.Replace("\"", "\"\"", StringComparison.Ordinal) + '"';
}
