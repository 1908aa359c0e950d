namespace NCovNet.Tests;

/// <summary>
/// Real radiographs from ../shared that tests name individually, each chosen for one trait.
/// Paths are relative to <see cref="SharedData.SharedDir"/>/data (constants, for attributes);
/// <see cref="PathOf"/> resolves them.
/// </summary>
public static class RadiographTestImages
{
    /// <summary>NIH, 512 x 512 8-bit gray PNG.</summary>
    public const string NihGrayPng = "cxr-nih/images/nih__00002980_000.png";

    /// <summary>NIH, 512 x 512 8-bit gray PNG (a second one, other intensities).</summary>
    public const string NihGrayPng2 = "cxr-nih/images/nih__00000415_001.png";

    /// <summary>An 8-bit gray PNG named ".jpg" (labels.csv says PNG).</summary>
    public const string GrayPngNamedJpg = "cxr/images/10.1016-slash-j.healun.2020.04.004.jpg";

    /// <summary>An RGB PNG whose pixels are all gray (rgb_but_gray = 1).</summary>
    public const string RgbButGrayPng = "cxr/images/covid-19-pneumonia-22-day1-pa.png";

    /// <summary>An RGBA PNG with coloured pixels (rgb_but_gray = 0).</summary>
    public const string ColouredRgbaPng = "cxr/images/1.CXRCTThoraximagesofCOVID-19fromSingapore.pdf-001-fig2a.png";

    /// <summary>A 1090 x 842 baseline YCbCr JPEG with coloured pixels.</summary>
    public const string ColouredJpeg = "cxr/images/nejmoa2001191_f1-PA.jpeg";

    public static string PathOf(string image)
    {
        var path = Path.Combine(SharedData.SharedDir, "data", image);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Test image '{path}' is missing.", path);
    }
}
