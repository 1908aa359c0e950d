using TorchSharp;
using static TorchSharp.torch;

namespace NCovNet.Training.Probe;

/// <summary>
/// Binary logistic regression fitted by Newton's method with a backtracking line search, full batch,
/// in float64: it minimises sum_i w_i log(1 + exp(-y_i z_i)) / sum_i w_i + l2 / 2 * |coefficients|^2
/// (the intercept is not penalised) until the Newton decrement is below 1e-12 (then one last full step), so the same data give the same
/// coefficients. Newton rather than gradient descent because with fewer images than channels the
/// classes are separable and gradient descent crawls once a small penalty lets the weights grow.
/// </summary>
public sealed class LogisticRegression
{
    private const int MaxIterations = 200;
    private const double Tolerance = 1e-12;

    private LogisticRegression(double[] coefficients, double intercept, int iterations)
    {
        Coefficients = coefficients;
        Intercept = intercept;
        Iterations = iterations;
    }

    public IReadOnlyList<double> Coefficients { get; }

    public double Intercept { get; }

    /// <summary>Newton steps taken until convergence.</summary>
    public int Iterations { get; }

    /// <param name="rows">Features per example, all of one length.</param>
    /// <param name="positive">Truth per example.</param>
    /// <param name="weights">Loss weight per example (e.g. class-balanced); only their ratios matter.</param>
    /// <param name="l2">Penalty on the coefficients, above 0.</param>
    public static LogisticRegression Fit(IReadOnlyList<double[]> rows, IReadOnlyList<bool> positive, IReadOnlyList<double> weights, double l2)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(positive);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(l2);
        if (rows.Count == 0 || rows.Count != positive.Count || rows.Count != weights.Count)
        {
            throw new ArgumentException("One label and one weight per row are needed, and at least one row.", nameof(rows));
        }

        using var scope = torch.NewDisposeScope();
        var width = rows[0].Length;
        var x = torch.tensor(rows.SelectMany(r => r.Append(1.0)).ToArray(), [rows.Count, width + 1], ScalarType.Float64);
        var y = torch.tensor(positive.Select(p => p ? 1.0 : 0.0).ToArray(), ScalarType.Float64);
        var w = torch.tensor(weights.ToArray(), ScalarType.Float64);
        w /= w.sum();
        var penalty = torch.tensor(Enumerable.Repeat(l2, width).Append(0.0).ToArray(), ScalarType.Float64);
        var theta = torch.zeros(width + 1, ScalarType.Float64);
        double Objective(Tensor t)
        {
            using var inner = torch.NewDisposeScope();
            var z = x.mv(t);
            return ((w * (nn.functional.softplus(z) - (y * z))).sum() + (0.5 * (penalty * t * t).sum())).item<double>();
        }

        for (var iteration = 1; iteration <= MaxIterations; iteration++)
        {
            using var stepScope = torch.NewDisposeScope();
            var p = torch.sigmoid(x.mv(theta));
            var gradient = x.t().mv(w * (p - y)) + (penalty * theta);
            var curvature = x.t().mm(x * (w * p * (1 - p)).unsqueeze(1)) + torch.diag(penalty);
            var step = torch.linalg.solve(curvature, gradient);
            var decrement = gradient.dot(step).item<double>();
            if (decrement / 2 <= Tolerance)
            {
                return Result(theta - step, width, iteration);
            }

            var current = Objective(theta);
            var length = 1.0;
            while (Objective(theta - (length * step)) > current - (0.25 * length * decrement) && length > 1e-10)
            {
                length /= 2;
            }

            theta = (theta - (length * step)).MoveToOuterDisposeScope();
        }

        throw new InvalidOperationException($"Logistic regression (L2 {l2}) did not converge in {MaxIterations} Newton steps.");
    }

    /// <summary>Class-weighted mean log loss, the quantity the fit minimises without its penalty.</summary>
    public static double LogLoss(IReadOnlyList<double> probability, IReadOnlyList<bool> positive, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(probability);
        ArgumentNullException.ThrowIfNull(positive);
        ArgumentNullException.ThrowIfNull(weights);
        const double floor = 1e-15;
        var sum = 0.0;
        for (var i = 0; i < probability.Count; i++)
        {
            var p = Math.Clamp(positive[i] ? probability[i] : 1 - probability[i], floor, 1);
            sum -= weights[i] * Math.Log(p);
        }

        return sum / weights.Sum();
    }

    public double Probability(double[] row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var z = Intercept;
        for (var j = 0; j < row.Length; j++)
        {
            z += Coefficients[j] * row[j];
        }

        return 1 / (1 + Math.Exp(-z));
    }

    private static LogisticRegression Result(Tensor theta, int width, int iterations)
    {
        var values = theta.data<double>().ToArray();
        return new LogisticRegression(values[..width], values[width], iterations);
    }
}
