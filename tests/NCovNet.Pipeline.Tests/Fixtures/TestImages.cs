using NCovNet.Tests;

namespace NCovNet.Pipeline.Tests.Fixtures;

/// <summary>The real files these tests upload, named once: radiographs from ../shared/data/cxr and DICOM from ../shared/data/dicom.</summary>
public static class TestImages
{
    public sealed record Image(string Name, byte[] Bytes);

    /// <summary><paramref name="count"/> radiographs spread evenly over labels.csv (PNG and JPEG, covid and other).</summary>
    public static IReadOnlyList<Image> Cxr(int count)
    {
        var files = File.ReadLines(SharedData.CxrLabels).Skip(1).Select(line => line.Split(',')[0]).ToList();
        var step = Math.Max(1, files.Count / count);
        return files.Where((_, i) => i % step == 0).Take(count)
            .Select(file => new Image("cxr/" + Path.GetFileName(file), File.ReadAllBytes(SharedData.CxrImage(file))))
            .ToList();
    }

    /// <summary>Every DICOM file of manifest.csv (radiographs, other modalities, malformed and unsupported ones).</summary>
    public static IReadOnlyList<Image> Dicom() =>
        File.ReadLines(SharedData.DicomManifest).Skip(1).Select(line => line.Split(',')[0])
            .Select(file => new Image("dicom/" + file, File.ReadAllBytes(SharedData.DicomFile(file))))
            .ToList();
}
