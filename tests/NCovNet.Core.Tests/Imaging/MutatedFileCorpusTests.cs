using NCovNet.Core.Imaging;
using NCovNet.Tests;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;

namespace NCovNet.Core.Tests.Imaging;

/// <summary>
/// A generated corpus of damaged PNG and JPEG files (cuts at many offsets, flipped bytes,
/// hostile declared sizes): each either decodes or fails with <see cref="RadiographDecodeException"/>,
/// within a time bound (no hang); hostile sizes are refused from the header, before any
/// pixel buffer exists. About 600 cases, a few seconds.
/// </summary>
public sealed class MutatedFileCorpusTests
{
    private static readonly TimeSpan PerFileBound = TimeSpan.FromSeconds(10);

    public static TheoryData<string> Seeds => new(SeedFiles.Keys);

    private static readonly Dictionary<string, Func<byte[]>> SeedFiles = new()
    {
        ["png-gray16-adam7"] = () =>
        {
            using var image = GeneratedImages.Gray16(40, 30);
            return GeneratedImages.Png(image, PngColorType.Grayscale, PngBitDepth.Bit16, PngInterlaceMode.Adam7);
        },
        ["png-rgb"] = () =>
        {
            using var image = GeneratedImages.ColourCard(40, 30);
            return GeneratedImages.Png(image, PngColorType.Rgb, PngBitDepth.Bit8);
        },
        ["png-palette"] = () =>
        {
            using var image = GeneratedImages.ColourCard(40, 30);
            return GeneratedImages.Png(image, PngColorType.Palette, PngBitDepth.Bit8);
        },
        ["jpeg-ycbcr420"] = () =>
        {
            using var image = GeneratedImages.ColourCard(40, 30);
            return GeneratedImages.Jpeg(image, JpegColorType.YCbCrRatio420);
        },
        ["jpeg-gray"] = () =>
        {
            using var image = GeneratedImages.ColourCard(40, 30);
            return GeneratedImages.Jpeg(image, JpegColorType.Luminance);
        },
        ["real-nih-png"] = () => File.ReadAllBytes(RadiographTestImages.PathOf(RadiographTestImages.NihGrayPng)),
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_cut_is_reported_as_truncated(string seed)
    {
        var original = SeedFiles[seed]();
        var failures = new List<string>();
        foreach (var length in CutLengths(original.Length))
        {
            var outcome = Outcome(original[..length]);
            if (outcome != DecodeErrorCode.Truncated.ToString())
            {
                failures.Add($"cut at {length}: {outcome}");
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Flipped_bytes_decode_or_fail_with_a_typed_error(string seed)
    {
        var original = SeedFiles[seed]();
        var random = new Random(seed.Length * 7919);
        var failures = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var mutated = (byte[])original.Clone();
            var flips = 1 + random.Next(4);
            for (var f = 0; f < flips; f++)
            {
                mutated[random.Next(2, mutated.Length)] ^= (byte)(1 + random.Next(255));
            }

            var outcome = Outcome(mutated);
            if (outcome.StartsWith("crash", StringComparison.Ordinal))
            {
                failures.Add($"mutation {i}: {outcome}");
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData(65535u, 65535u)]
    [InlineData(0x7FFF_FFFFu, 1u)]
    [InlineData(1u, 0x7FFF_FFFFu)]
    [InlineData(0xFFFF_FFFFu, 0xFFFF_FFFFu)]
    public void Hostile_png_sizes_are_refused_from_the_header(uint width, uint height)
    {
        var png = PngPatch.WithDeclaredSize(SeedFiles["png-rgb"](), width, height);

        var outcome = Outcome(png);

        Assert.Contains(outcome, new[] { nameof(DecodeErrorCode.TooManyPixels), nameof(DecodeErrorCode.Malformed) });
    }

    /// <summary>Every length up to 32 bytes (signature and first header), then 32 lengths spread over the rest.</summary>
    private static IEnumerable<int> CutLengths(int fileLength)
    {
        var head = Enumerable.Range(1, Math.Min(32, fileLength - 1));
        var spread = Enumerable.Range(1, 32).Select(i => 32 + (int)((long)(fileLength - 33) * i / 33));
        return head.Concat(spread).Where(n => n < fileLength).Distinct();
    }

    /// <summary>"decoded", the error code, or "crash: ..." / "hang" for anything a decoder must never do.</summary>
    private static string Outcome(byte[] data)
    {
        var decode = Task.Run(() =>
        {
            try
            {
                RadiographDecoder.Decode(data);
                return "decoded";
            }
            catch (RadiographDecodeException e)
            {
                return e.Code.ToString();
            }
            catch (Exception e)
            {
                return $"crash: {e.GetType().Name}: {e.Message}";
            }
        });
        return decode.Wait(PerFileBound) ? decode.Result : "hang";
    }
}
