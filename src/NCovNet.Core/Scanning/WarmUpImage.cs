using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Core.Scanning;

/// <summary>A small synthetic gray radiograph (a diagonal gradient), as PNG and JPEG, that the scanner scores at load.</summary>
internal static class WarmUpImage
{
    private const int Size = 320;

    public static IReadOnlyList<ReadOnlyMemory<byte>> Encoded { get; } = Create();

    private static ReadOnlyMemory<byte>[] Create()
    {
        using var image = new Image<L8>(Size, Size);
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                image[x, y] = new L8((byte)((x + y) * 255 / (2 * Size)));
            }
        }

        using var png = new MemoryStream();
        image.SaveAsPng(png);
        using var jpeg = new MemoryStream();
        image.SaveAsJpeg(jpeg);
        return [png.ToArray(), jpeg.ToArray()];
    }
}
