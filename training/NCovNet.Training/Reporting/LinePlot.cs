using System.Globalization;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Training.Reporting;

/// <summary>
/// A line chart drawn with plain pixel operations: frame, grid, tick labels, one line per
/// series and a legend. The x axis may be logarithmic (the learning-rate curve).
/// </summary>
public sealed class LinePlot(string title, string xLabel, IReadOnlyList<PlotSeries> series, bool logX = false)
{
    private const int Scale = 2;
    private static readonly Rgb24 Ink = new(40, 40, 40);
    private static readonly Rgb24 Grid = new(225, 225, 225);

    public static Rgb24 Blue { get; } = new(31, 119, 180);

    public static Rgb24 Orange { get; } = new(255, 127, 14);

    public static Rgb24 Green { get; } = new(44, 160, 44);

    public static Rgb24 Red { get; } = new(214, 39, 40);

    public static Rgb24 Purple { get; } = new(148, 103, 189);

    public static void Save(string path, int width, int height, params LinePlot[] panels)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var image = new Image<Rgb24>(width, height, new Rgb24(255, 255, 255));
        var panelHeight = height / panels.Length;
        for (var i = 0; i < panels.Length; i++)
        {
            panels[i].Draw(image, new Rectangle(0, i * panelHeight, width, panelHeight));
        }

        image.SaveAsPng(path);
    }

    public void Draw(Image<Rgb24> image, Rectangle area)
    {
        ArgumentNullException.ThrowIfNull(image);
        var plot = new Rectangle(area.Left + 70, area.Top + 30, area.Width - 90, area.Height - 70);
        PixelFont.Draw(image, title, area.Left + ((area.Width - PixelFont.Measure(title, Scale)) / 2), area.Top + 8, Ink, Scale);
        PixelFont.Draw(image, xLabel, plot.Left + ((plot.Width - PixelFont.Measure(xLabel, Scale)) / 2), plot.Bottom + 28, Ink, Scale);
        var points = series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.Y) && (!logX || p.X > 0)).ToList();
        if (points.Count == 0)
        {
            Frame(image, plot);
            return;
        }

        var (xMin, xMax) = Span(points.Select(p => X(p.X)));
        var (yMin, yMax) = Span(points.Select(p => p.Y));
        var pad = (yMax - yMin) * 0.05;
        (yMin, yMax) = (yMin - pad, yMax + pad);
        int Px(double x) => plot.Left + (int)Math.Round((X(x) - xMin) / (xMax - xMin) * (plot.Width - 1));
        int Py(double y) => plot.Bottom - 1 - (int)Math.Round((y - yMin) / (yMax - yMin) * (plot.Height - 1));

        for (var t = 0; t <= 4; t++)
        {
            var y = yMin + ((yMax - yMin) * t / 4);
            var py = Py(y);
            Line(image, plot.Left, py, plot.Right - 1, py, Grid, 1);
            var label = y.ToString(Math.Abs(yMax - yMin) < 0.1 ? "0.000" : "0.00", CultureInfo.InvariantCulture);
            PixelFont.Draw(image, label, plot.Left - 6 - PixelFont.Measure(label, Scale), py - 5, Ink, Scale);
        }

        for (var t = 0; t <= 4; t++)
        {
            var xv = xMin + ((xMax - xMin) * t / 4);
            var px = plot.Left + (int)Math.Round((xv - xMin) / (xMax - xMin) * (plot.Width - 1));
            Line(image, px, plot.Top, px, plot.Bottom - 1, Grid, 1);
            var label = logX ? "1E" + Math.Round(xv, 1).ToString("0.#", CultureInfo.InvariantCulture) : xv.ToString("0.#", CultureInfo.InvariantCulture);
            PixelFont.Draw(image, label, px - (PixelFont.Measure(label, Scale) / 2), plot.Bottom + 8, Ink, Scale);
        }

        Frame(image, plot);
        foreach (var s in series)
        {
            var visible = s.Points.Where(p => double.IsFinite(p.Y) && (!logX || p.X > 0)).ToList();
            for (var i = 1; i < visible.Count; i++)
            {
                Line(image, Px(visible[i - 1].X), Py(visible[i - 1].Y), Px(visible[i].X), Py(visible[i].Y), s.Colour, 2);
            }

            if (visible.Count == 1)
            {
                Line(image, Px(visible[0].X) - 2, Py(visible[0].Y), Px(visible[0].X) + 2, Py(visible[0].Y), s.Colour, 3);
            }
        }

        Legend(image, plot);
    }

    private double X(double x) => logX ? Math.Log10(x) : x;

    private static (double Min, double Max) Span(IEnumerable<double> values)
    {
        var list = values.ToList();
        double min = list.Min(), max = list.Max();
        return max > min ? (min, max) : (min - 0.5, max + 0.5);
    }

    private void Legend(Image<Rgb24> image, Rectangle plot)
    {
        var top = plot.Top + 6;
        foreach (var s in series)
        {
            var left = plot.Right - 14 - PixelFont.Measure(s.Name, Scale) - 22;
            Line(image, left, top + 5, left + 16, top + 5, s.Colour, 3);
            PixelFont.Draw(image, s.Name, left + 22, top, Ink, Scale);
            top += 16;
        }
    }

    private static void Frame(Image<Rgb24> image, Rectangle r)
    {
        Line(image, r.Left, r.Top, r.Right - 1, r.Top, Ink, 1);
        Line(image, r.Left, r.Bottom - 1, r.Right - 1, r.Bottom - 1, Ink, 1);
        Line(image, r.Left, r.Top, r.Left, r.Bottom - 1, Ink, 1);
        Line(image, r.Right - 1, r.Top, r.Right - 1, r.Bottom - 1, Ink, 1);
    }

    /// <summary>Bresenham's line with a square pen of the given thickness.</summary>
    private static void Line(Image<Rgb24> image, int x0, int y0, int x1, int y1, Rgb24 colour, int thickness)
    {
        int dx = Math.Abs(x1 - x0), dy = -Math.Abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1;
        var err = dx + dy;
        while (true)
        {
            for (var oy = -(thickness / 2); oy <= (thickness - 1) / 2; oy++)
            {
                for (var ox = -(thickness / 2); ox <= (thickness - 1) / 2; ox++)
                {
                    int x = x0 + ox, y = y0 + oy;
                    if (x >= 0 && y >= 0 && x < image.Width && y < image.Height)
                    {
                        image[x, y] = colour;
                    }
                }
            }

            if (x0 == x1 && y0 == y1)
            {
                return;
            }

            var e2 = 2 * err;
            if (e2 >= dy)
            {
                err += dy;
                x0 += sx;
            }

            if (e2 <= dx)
            {
                err += dx;
                y0 += sy;
            }
        }
    }
}
