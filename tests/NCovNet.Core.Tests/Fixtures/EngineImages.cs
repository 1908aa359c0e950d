using NCovNet.Tests;

namespace NCovNet.Core.Tests.Fixtures;

/// <summary>The real radiographs from ../shared/data/cxr that the engine tests read, one per kind of input.</summary>
public static class EngineImages
{
    public static string GrayJpeg => SharedData.CxrImage("images/radiol.2020201160.fig2a.jpeg");

    public static string LargeGrayJpeg => SharedData.CxrImage("images/SARS-10.1148rg.242035193-g04mr34g09a-Fig9a-day17.jpeg");

    public static string ColorJpeg => SharedData.CxrImage("images/nejmoa2001191_f1-PA.jpeg");

    public static string RgbaPng => SharedData.CxrImage("images/1.CXRCTThoraximagesofCOVID-19fromSingapore.pdf-001-fig2a.png");

    public static string PalettePng => SharedData.CxrImage("images/tpmd200203f2-a.png");

    /// <summary>157 x 156 px: below the small-image warning's limit.</summary>
    public static string SmallPng => SharedData.CxrImage("images/ryct.2020003.fig2-a.png");

    public static IReadOnlyList<string> All => [GrayJpeg, LargeGrayJpeg, ColorJpeg, RgbaPng, PalettePng, SmallPng];
}
