using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Training.Reporting;

/// <summary>
/// A 3x5 pixel font (upper case, digits, . - : / and space) for plot labels: ImageSharp 2.1
/// renders no text without ImageSharp.Drawing, which is not available here. Lower case is drawn as upper case.
/// </summary>
public static class PixelFont
{
    public const int GlyphWidth = 3;
    public const int GlyphHeight = 5;

    private static readonly Dictionary<char, string> Glyphs = new()
    {
        ['0'] = "###|#.#|#.#|#.#|###", ['1'] = ".#.|##.|.#.|.#.|###", ['2'] = "###|..#|###|#..|###", ['3'] = "###|..#|###|..#|###",
        ['4'] = "#.#|#.#|###|..#|..#", ['5'] = "###|#..|###|..#|###", ['6'] = "###|#..|###|#.#|###", ['7'] = "###|..#|..#|..#|..#",
        ['8'] = "###|#.#|###|#.#|###", ['9'] = "###|#.#|###|..#|###", ['A'] = ".#.|#.#|###|#.#|#.#", ['B'] = "##.|#.#|##.|#.#|##.",
        ['C'] = "###|#..|#..|#..|###", ['D'] = "##.|#.#|#.#|#.#|##.", ['E'] = "###|#..|###|#..|###", ['F'] = "###|#..|###|#..|#..",
        ['G'] = "###|#..|#.#|#.#|###", ['H'] = "#.#|#.#|###|#.#|#.#", ['I'] = "###|.#.|.#.|.#.|###", ['J'] = "..#|..#|..#|#.#|###",
        ['K'] = "#.#|#.#|##.|#.#|#.#", ['L'] = "#..|#..|#..|#..|###", ['M'] = "#.#|###|###|#.#|#.#", ['N'] = "##.|#.#|#.#|#.#|#.#",
        ['O'] = "###|#.#|#.#|#.#|###", ['P'] = "###|#.#|###|#..|#..", ['Q'] = "###|#.#|#.#|###|..#", ['R'] = "###|#.#|##.|#.#|#.#",
        ['S'] = "###|#..|###|..#|###", ['T'] = "###|.#.|.#.|.#.|.#.", ['U'] = "#.#|#.#|#.#|#.#|###", ['V'] = "#.#|#.#|#.#|#.#|.#.",
        ['W'] = "#.#|#.#|###|###|#.#", ['X'] = "#.#|#.#|.#.|#.#|#.#", ['Y'] = "#.#|#.#|.#.|.#.|.#.", ['Z'] = "###|..#|.#.|#..|###",
        ['.'] = "...|...|...|...|.#.", ['-'] = "...|...|###|...|...", [':'] = "...|.#.|...|.#.|...", ['/'] = "..#|..#|.#.|#..|#..",
        [' '] = "...|...|...|...|...",
    };

    /// <summary>Width in pixels of <paramref name="text"/> at the given scale (one blank column between glyphs).</summary>
    public static int Measure(string text, int scale) => text.Length == 0 ? 0 : ((text.Length * (GlyphWidth + 1)) - 1) * scale;

    public static void Draw(Image<Rgb24> image, string text, int left, int top, Rgb24 colour, int scale = 2)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(text);
        var x0 = left;
        foreach (var ch in text.ToUpperInvariant())
        {
            if (Glyphs.TryGetValue(ch, out var glyph))
            {
                var rows = glyph.Split('|');
                for (var gy = 0; gy < GlyphHeight; gy++)
                {
                    for (var gx = 0; gx < GlyphWidth; gx++)
                    {
                        if (rows[gy][gx] == '#')
                        {
                            FillSquare(image, x0 + (gx * scale), top + (gy * scale), scale, colour);
                        }
                    }
                }
            }

            x0 += (GlyphWidth + 1) * scale;
        }
    }

    private static void FillSquare(Image<Rgb24> image, int left, int top, int size, Rgb24 colour)
    {
        for (var y = top; y < top + size; y++)
        {
            for (var x = left; x < left + size; x++)
            {
                if (x >= 0 && y >= 0 && x < image.Width && y < image.Height)
                {
                    image[x, y] = colour;
                }
            }
        }
    }
}
