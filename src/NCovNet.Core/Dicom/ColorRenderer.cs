using NCovNet.Core.Imaging;

namespace NCovNet.Core.Dicom;

/// <summary>
/// Colour frames to gray display intensities in [0, 1] with the BT.601 luma rule of colour
/// PNG/JPEG input (<see cref="ColorPixelReader"/>). YBR_FULL samples already carry that luma
/// as their first component.
/// </summary>
internal static class ColorRenderer
{
    public static float[] Render(StoredFrame frame, int bitsStored)
    {
        var maximum = (double)((1 << bitsStored) - 1);
        var samples = frame.Samples;
        var pixels = new float[samples.Length / 3];
        var lumaIsFirst = frame.Photometric == "YBR_FULL";
        for (var i = 0; i < pixels.Length; i++)
        {
            var luma = lumaIsFirst
                ? samples[i * 3]
                : (ColorPixelReader.RedWeight * samples[i * 3]) + (ColorPixelReader.GreenWeight * samples[(i * 3) + 1]) + (ColorPixelReader.BlueWeight * samples[(i * 3) + 2]);
            pixels[i] = (float)Math.Clamp(luma / maximum, 0, 1);
        }

        return pixels;
    }
}
