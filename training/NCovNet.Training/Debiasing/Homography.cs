namespace NCovNet.Training.Debiasing;

/// <summary>A 3x3 projective map of the plane, row-major, applied to (x, y, 1).</summary>
public sealed class Homography
{
    private readonly double[] _m;

    private Homography(double[] m) => _m = m;

    public static Homography Identity { get; } = new([1, 0, 0, 0, 1, 0, 0, 0, 1]);

    /// <summary>The map that sends each <paramref name="from"/> corner to the matching <paramref name="to"/> corner.</summary>
    public static Homography FromCorners(ReadOnlySpan<(double X, double Y)> from, ReadOnlySpan<(double X, double Y)> to)
    {
        if (from.Length != 4 || to.Length != 4)
        {
            throw new ArgumentException("Four point pairs define a homography.");
        }

        // h33 = 1; two equations per pair: u = (h11 x + h12 y + h13) / (h31 x + h32 y + 1), same for v.
        var a = new double[8, 9];
        for (var i = 0; i < 4; i++)
        {
            var (x, y) = from[i];
            var (u, v) = to[i];
            double[] rowU = [x, y, 1, 0, 0, 0, -u * x, -u * y, u];
            double[] rowV = [0, 0, 0, x, y, 1, -v * x, -v * y, v];
            for (var k = 0; k < 9; k++)
            {
                a[2 * i, k] = rowU[k];
                a[(2 * i) + 1, k] = rowV[k];
            }
        }

        var h = SolveAugmented(a);
        return new Homography([h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], 1]);
    }

    public (double X, double Y) Map(double x, double y)
    {
        var w = (_m[6] * x) + (_m[7] * y) + _m[8];
        return ((((_m[0] * x) + (_m[1] * y) + _m[2]) / w), (((_m[3] * x) + (_m[4] * y) + _m[5]) / w));
    }

    /// <summary>Gauss-Jordan elimination with partial pivoting of an n x (n+1) augmented matrix.</summary>
    private static double[] SolveAugmented(double[,] a)
    {
        var n = a.GetLength(0);
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = r;
                }
            }

            if (Math.Abs(a[pivot, col]) < 1e-12)
            {
                throw new ArgumentException("The corners are degenerate (three on a line).");
            }

            for (var k = 0; k <= n; k++)
            {
                (a[col, k], a[pivot, k]) = (a[pivot, k], a[col, k]);
            }

            for (var r = 0; r < n; r++)
            {
                if (r == col)
                {
                    continue;
                }

                var f = a[r, col] / a[col, col];
                for (var k = col; k <= n; k++)
                {
                    a[r, k] -= f * a[col, k];
                }
            }
        }

        var solution = new double[n];
        for (var r = 0; r < n; r++)
        {
            solution[r] = a[r, n] / a[r, r];
        }

        return solution;
    }
}
