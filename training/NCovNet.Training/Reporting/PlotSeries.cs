using SixLabors.ImageSharp.PixelFormats;

namespace NCovNet.Training.Reporting;

/// <summary>A named line of (x, y) points in one colour.</summary>
public sealed record PlotSeries(string Name, Rgb24 Colour, IReadOnlyList<(double X, double Y)> Points);
