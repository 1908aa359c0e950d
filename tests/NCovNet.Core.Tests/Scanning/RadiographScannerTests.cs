using System.Text.Json;
using NCovNet.Core.Imaging;
using NCovNet.Core.Models;
using NCovNet.Core.Preprocessing;
using NCovNet.Core.Scanning;
using NCovNet.Core.Tests.Fixtures;
using NCovNet.Tests;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Core.Tests.Scanning;

public sealed class RadiographScannerTests(ScannerFixture fixture) : IClassFixture<ScannerFixture>
{
    private RadiographScanner Scanner => fixture.Scanner;

    [Fact]
    public void A_scored_image_serialises_to_the_result_contract()
    {
        var outcome = Scanner.Scan(File.ReadAllBytes(EngineImages.GrayJpeg));

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(outcome.Result, ModelJson.Options));
        var root = json.RootElement;
        Assert.Equal("succeeded", root.GetProperty("status").GetString());
        Assert.Contains(root.GetProperty("label").GetString(), TestModel.Classes);
        var probability = root.GetProperty("probability").GetDouble();
        Assert.InRange(probability, 0, 1);
        var probabilities = root.GetProperty("probabilities");
        Assert.Equal(probability, probabilities.GetProperty("covid").GetDouble());
        Assert.Equal(1.0, probability + probabilities.GetProperty("other_pneumonia").GetDouble(), 1e-12);
        Assert.Equal(0.5, root.GetProperty("decisionThreshold").GetDouble());
        var model = root.GetProperty("model");
        Assert.Equal("test-cnn", model.GetProperty("name").GetString());
        Assert.Equal("1.0.0", model.GetProperty("version").GetString());
        Assert.Equal(fixture.Package.Manifest.OnnxSha256, model.GetProperty("sha256").GetString());
        var input = root.GetProperty("input");
        Assert.Equal("jpeg", input.GetProperty("format").GetString());
        Assert.Equal((906, 798), (input.GetProperty("width").GetInt32(), input.GetProperty("height").GetInt32()));
        foreach (var stage in new[] { "decodeMs", "preprocessMs", "inferenceMs", "heatmapMs", "renderMs" })
        {
            Assert.True(root.GetProperty("timings").GetProperty(stage).GetDouble() > 0, stage);
        }

        Assert.Equal(JsonValueKind.Array, root.GetProperty("warnings").ValueKind);
        Assert.False(root.TryGetProperty("error", out _));
    }

    [Fact]
    public void A_scored_dicom_reports_its_pixel_format_modality_and_view_and_no_other_header()
    {
        var outcome = Scanner.Scan(File.ReadAllBytes(SharedData.DicomFile("fodicom__CR-MONO1-10-chest.dcm")));

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(outcome.Result, ModelJson.Options));
        var root = json.RootElement;
        Assert.Equal(
            ["decisionThreshold", "input", "label", "model", "probabilities", "probability", "status", "timings", "warnings"],
            root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var input = root.GetProperty("input");
        Assert.Equal(
            ["bitsStored", "colorWasGray", "format", "frames", "height", "modality", "notes", "photometric", "pixelSha256", "transferSyntax", "viewPosition", "width"],
            input.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            ("dicom", 440, 440, 10, "MONOCHROME1", "CR", "PA", 1),
            (input.GetProperty("format").GetString(), input.GetProperty("width").GetInt32(), input.GetProperty("height").GetInt32(), input.GetProperty("bitsStored").GetInt32(),
                input.GetProperty("photometric").GetString(), input.GetProperty("modality").GetString(), input.GetProperty("viewPosition").GetString(), input.GetProperty("frames").GetInt32()));
    }

    [Fact]
    public void Label_follows_the_threshold_on_the_covid_probability()
    {
        var outcome = Scanner.Scan(File.ReadAllBytes(EngineImages.GrayJpeg));

        var expected = outcome.Result.Probability >= 0.5 ? "covid" : "other_pneumonia";
        Assert.Equal(expected, outcome.Result.Label);
    }

    [Theory]
    [MemberData(nameof(RealImages))]
    public void Heatmap_is_exact_grad_cam_of_the_predicted_class_at_the_original_size(string path)
    {
        var bytes = File.ReadAllBytes(path);

        var outcome = Scanner.Scan(bytes);

        // Independently: decode, preprocess, the reference network, its finite-difference Grad-CAM, bilinear by formula.
        var decoded = RadiographDecoder.Decode(bytes);
        var tensor = new float[fixture.Package.Manifest.Preprocessing.TensorLength];
        Preprocessor.WriteTensor(decoded.Image, fixture.Package.Manifest.Preprocessing, tensor);
        var reference = TestModelReference.Forward(fixture.Package.Model, tensor);
        var softmax = Math.Exp(reference.Logits[0]) / (Math.Exp(reference.Logits[0]) + Math.Exp(reference.Logits[1]));
        Assert.Equal(softmax, outcome.Result.Probability!.Value, 1e-5);
        var labelIndex = Array.IndexOf(TestModel.Classes, outcome.Result.Label);
        var expectedMap = ExpectedMap(reference, labelIndex, decoded.Image.Width, decoded.Image.Height);

        using var map = Image.Load<L8>(outcome.Heatmaps!.MapPng);
        Assert.Equal((decoded.Image.Width, decoded.Image.Height), (map.Width, map.Height));
        var worst = 0.0;
        for (var y = 0; y < map.Height; y++)
        {
            for (var x = 0; x < map.Width; x++)
            {
                worst = Math.Max(worst, Math.Abs(expectedMap[(y * map.Width) + x] - map[x, y].PackedValue));
            }
        }

        Assert.True(worst <= 0.51, $"largest difference {worst} of 255");
    }

    [Theory]
    [MemberData(nameof(RealImages))]
    public void Overlay_is_rgb_and_both_pngs_have_the_original_size(string path)
    {
        var outcome = Scanner.Scan(File.ReadAllBytes(path));

        var input = outcome.Result.Input!;
        var overlay = Image.Identify(outcome.Heatmaps!.OverlayPng);
        var map = Image.Identify(outcome.Heatmaps.MapPng);
        Assert.Equal((input.Width, input.Height), (overlay.Width, overlay.Height));
        Assert.Equal((input.Width, input.Height), (map.Width, map.Height));
        Assert.Equal(PngColorType.Rgb, overlay.Metadata.GetPngMetadata().ColorType);
        Assert.Equal(PngColorType.Grayscale, map.Metadata.GetPngMetadata().ColorType);
    }

    [Fact]
    public void A_batch_gives_the_same_results_as_single_images_and_keeps_failures_in_place()
    {
        var images = EngineImages.All.Select(p => (ReadOnlyMemory<byte>)File.ReadAllBytes(p)).ToList();
        images.Insert(2, new byte[] { 1, 2, 3 });

        var batch = Scanner.ScanBatch(images);

        Assert.Equal(images.Count, batch.Count);
        Assert.Equal("failed", batch[2].Result.Status);
        for (var i = 0; i < images.Count; i++)
        {
            var single = Scanner.Scan(images[i]);
            Assert.Equal(single.Result.Status, batch[i].Result.Status);
            Assert.Equal(single.Result.Label, batch[i].Result.Label);
            Assert.Equal(single.Result.Probability ?? -1, batch[i].Result.Probability ?? -1, 1e-6);
            Assert.Equal(single.Heatmaps?.MapPng, batch[i].Heatmaps?.MapPng);
        }
    }

    [Fact]
    public void Concurrent_scans_on_one_scanner_agree_with_sequential_ones()
    {
        var bytes = new[] { EngineImages.SmallPng, EngineImages.RgbaPng, EngineImages.GrayJpeg }.Select(File.ReadAllBytes).ToArray();
        var sequential = bytes.Select(b => Scanner.Scan(b).Result.Probability).ToArray();

        var parallel = new double?[bytes.Length * 3];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            parallel[i] = Scanner.Scan(bytes[i % bytes.Length]).Result.Probability);

        for (var i = 0; i < parallel.Length; i++)
        {
            Assert.Equal(sequential[i % bytes.Length]!.Value, parallel[i]!.Value, 1e-6);
        }
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("unknown-format")]
    [InlineData("header-only")]
    public void Bad_input_gives_a_failed_result_with_the_decoder_code(string kind)
    {
        var png = File.ReadAllBytes(EngineImages.RgbaPng);
        byte[] bytes = kind switch
        {
            "empty" => [],
            "unknown-format" => "not an image at all, just text"u8.ToArray(),
            _ => png[..33],
        };

        var outcome = Scanner.Scan(bytes);

        Assert.Equal(ScanResult.Failed, outcome.Result.Status);
        Assert.Null(outcome.Heatmaps);
        Assert.Null(outcome.Result.Label);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Result.Error!.Message));
        var knownCodes = Enum.GetValues<DecodeErrorCode>().Select(c => c.ToCode());
        Assert.Contains(outcome.Result.Error.Code, knownCodes);
        if (kind != "header-only")
        {
            Assert.Equal(kind, outcome.Result.Error.Code);
        }
    }

    [Fact]
    public void A_small_radiograph_is_scored_with_a_warning()
    {
        var outcome = Scanner.Scan(File.ReadAllBytes(EngineImages.SmallPng));

        Assert.Equal(ScanResult.Succeeded, outcome.Result.Status);
        Assert.Contains(outcome.Result.Warnings, w => w.StartsWith("small-image: 157x156 px", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("fodicom__CT-MONO2-16-ankle.dcm", "non-radiograph-modality: modality 'CT'")]
    [InlineData("pydicom__dicomdirtests_77654033_CR1_6154.dcm", "lateral-view:")]
    [InlineData("fodicom__HasFragmentSequence.dcm", "multi-frame:")]
    public void Dicom_metadata_raises_its_warnings(string file, string warning)
    {
        var outcome = Scanner.Scan(File.ReadAllBytes(SharedData.DicomFile(file)));

        Assert.Equal(ScanResult.Succeeded, outcome.Result.Status);
        Assert.Contains(outcome.Result.Warnings, w => w.StartsWith(warning, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_shared_dicom_file_gets_a_result_and_failures_carry_a_decoder_code()
    {
        var files = Directory.GetFiles(SharedData.Dicom, "*.dcm");
        var knownCodes = Enum.GetValues<DecodeErrorCode>().Select(c => c.ToCode()).ToHashSet();

        var outcomes = Scanner.ScanBatch(files.Select(f => (ReadOnlyMemory<byte>)File.ReadAllBytes(f)).ToArray());

        Assert.Equal(39, outcomes.Count);
        Assert.Contains(outcomes, o => o.Result.Status == ScanResult.Succeeded);
        Assert.All(outcomes.Where(o => o.Result.Status == ScanResult.Failed), o => Assert.Contains(o.Result.Error!.Code, knownCodes));
        Assert.All(outcomes.Where(o => o.Result.Status == ScanResult.Succeeded), o => Assert.NotNull(o.Heatmaps));
    }

    public static TheoryData<string> RealImages() => [.. EngineImages.All];

    private static double[] ExpectedMap(TestModelReference.Output reference, int classIndex, int width, int height)
    {
        int size = reference.FeatureSize, plane = size * size;
        var cam = reference.Cam.Skip(classIndex * plane).Take(plane).Select(v => Math.Max(v, 0)).ToArray();
        var max = cam.Max();
        var normalised = cam.Select(v => max > 0 ? v / max : 0).ToArray();
        var map = new double[width * height];
        for (var y = 0; y < height; y++)
        {
            var (y0, y1, wy) = Source(y, height, size);
            for (var x = 0; x < width; x++)
            {
                var (x0, x1, wx) = Source(x, width, size);
                var top = (normalised[(y0 * size) + x0] * (1 - wx)) + (normalised[(y0 * size) + x1] * wx);
                var bottom = (normalised[(y1 * size) + x0] * (1 - wx)) + (normalised[(y1 * size) + x1] * wx);
                map[(y * width) + x] = 255 * ((top * (1 - wy)) + (bottom * wy));
            }
        }

        return map;
    }

    private static (int Low, int High, double Weight) Source(int i, int outLength, int inLength)
    {
        var position = Math.Max(((i + 0.5) * inLength / outLength) - 0.5, 0);
        var low = Math.Min((int)Math.Floor(position), inLength - 1);
        return (low, Math.Min(low + 1, inLength - 1), position - low);
    }
}
