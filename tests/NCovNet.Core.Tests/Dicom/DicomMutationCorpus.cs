using System.Buffers.Binary;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Core.Tests.Dicom;

/// <summary>
/// A deterministic corpus of damaged DICOM files: truncations at many offsets, flipped bytes,
/// huge Rows/Columns and huge element lengths, built from small real and generated seeds.
/// </summary>
internal static class DicomMutationCorpus
{
    private static readonly string[] SharedSeeds =
    [
        "pydicom__MR_small.dcm",
        "pydicom__MR_small_implicit.dcm",
        "pydicom__MR_small_bigendian.dcm",
        "pydicom__MR_small_RLE.dcm",
        "pydicom__image_dfl.dcm",
        "pydicom__dicomdirtests_77654033_CR1_6154.dcm",
        "pydicom__meta_missing_tsyntax.dcm",
    ];

    public static IEnumerable<(string Name, byte[] Data)> Build()
    {
        foreach (var (seedName, seed) in Seeds())
        {
            var random = new Random(seedName.Length * 7919);
            foreach (var offset in TruncationOffsets(seed.Length))
            {
                yield return ($"{seedName} cut at {offset}", seed[..offset]);
            }

            for (var i = 0; i < 120; i++)
            {
                var position = random.Next(Math.Min(seed.Length, i % 2 == 0 ? 1024 : seed.Length));
                var mutated = (byte[])seed.Clone();
                mutated[position] ^= (byte)(1 << random.Next(8));
                yield return ($"{seedName} bit flipped at {position}", mutated);
            }

            for (var i = 0; i < 60; i++)
            {
                var position = random.Next(Math.Max(1, Math.Min(seed.Length, 1024) - 4));
                var mutated = (byte[])seed.Clone();
                BinaryPrimitives.WriteUInt32LittleEndian(mutated.AsSpan(position), HugeLengths[i % HugeLengths.Length]);
                yield return ($"{seedName} huge value at {position}", mutated);
            }

            foreach (var (what, mutated) in HugeImageSizes(seed))
            {
                yield return ($"{seedName} {what}", mutated);
            }
        }
    }

    private static readonly uint[] HugeLengths = [0xFFFFFFFF, 0xFFFFFFF0, 0x7FFFFFFF, 0x0FFFFFFF, 0x00FFFFFF, 0x0000FFFF];

    private static IEnumerable<(string Name, byte[] Data)> Seeds()
    {
        foreach (var file in SharedSeeds)
        {
            yield return (file, DicomManifestEntry.For(file).ReadBytes());
        }

        yield return ("generated JPEG baseline", GeneratedJpegBaseline());
        yield return ("generated implicit VR with sequences", GeneratedWithSequences());
    }

    private static IEnumerable<int> TruncationOffsets(int length)
    {
        var headerOffsets = Enumerable.Range(0, Math.Min(length, 320));
        var spread = Enumerable.Range(0, 32).Select(i => (int)((long)length * i / 32));
        return headerOffsets.Concat(spread).Where(offset => offset > 0 && offset < length).Distinct();
    }

    // Rows (0028,0010) and Columns (0028,0011) rewritten to 65535, in either byte order.
    private static IEnumerable<(string Name, byte[] Data)> HugeImageSizes(byte[] seed)
    {
        byte[][] tags = [[0x28, 0x00, 0x10, 0x00], [0x28, 0x00, 0x11, 0x00], [0x00, 0x28, 0x00, 0x10], [0x00, 0x28, 0x00, 0x11]];
        foreach (var tag in tags)
        {
            var at = seed.AsSpan().IndexOf(tag);
            if (at < 0)
            {
                continue;
            }

            var mutated = (byte[])seed.Clone();
            var valueAt = at + 8;
            if (valueAt + 2 <= mutated.Length)
            {
                mutated[valueAt] = 0xFF;
                mutated[valueAt + 1] = 0xFF;
                yield return ($"image size set to 65535 at {valueAt}", mutated);
            }
        }
    }

    private static byte[] GeneratedJpegBaseline()
    {
        using var source = new Image<L8>(24, 16, new L8(40));
        using var jpeg = new MemoryStream();
        source.SaveAsJpeg(jpeg, new JpegEncoder { Quality = 90, ColorType = JpegColorType.Luminance });
        return DicomTestWriter.Monochrome(DicomTestWriter.ExplicitLittleEndian, 24, 16, [], bitsAllocated: 8)
            .Fragments(jpeg.ToArray())
            .ToPart10File(DicomTestWriter.JpegBaseline);
    }

    private static byte[] GeneratedWithSequences()
    {
        var lut = new DicomTestWriter(explicitVr: false).UInt16(0x0028, 0x3002, 4, 0, 16).Words(0x0028, 0x3006, "OW", [0, 100, 1000, 65535]);
        return DicomTestWriter.Monochrome(DicomTestWriter.ImplicitLittleEndian, 4, 4, Enumerable.Range(0, 16).ToArray())
            .Sequence(0x0028, 0x3000, undefinedLength: true, lut)
            .Sequence(0x0028, 0x3010, undefinedLength: false, lut)
            .ToDataset();
    }
}
