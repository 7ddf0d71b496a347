using MathNet.Numerics.LinearAlgebra;

namespace Inkstone.Evaluation.Statistics;

/// <summary>
/// Maximum-likelihood logistic regression by Newton–Raphson (iteratively reweighted least squares). The response may be
/// fractional (a tie as 0.5): the log-likelihood is Σ y·log μ + (1 − y)·log(1 − μ), as in statsmodels' <c>Logit</c>.
/// Columns of the design matrix are used as given (add a column of ones for an intercept).
/// </summary>
public static class LogisticRegression
{
    public static double Sigmoid(double eta) => eta >= 0 ? 1 / (1 + Math.Exp(-eta)) : Math.Exp(eta) / (1 + Math.Exp(eta));

    public static LogisticFit Fit(double[][] x, double[] y, int maxIterations = 100, double tolerance = 1e-10)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length != y.Length) throw new ArgumentException($"{x.Length} rows but {y.Length} responses", nameof(y));
        if (x.Length == 0) throw new ArgumentException("no observations", nameof(x));
        var p = x[0].Length;
        foreach (var v in y)
            if (!(v is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(y), v, "responses must be in [0, 1]");

        var beta = Vector<double>.Build.Dense(p);
        var information = Matrix<double>.Build.Dense(p, p);
        var converged = false;
        var iterations = 0;
        var logLikelihood = double.NegativeInfinity;
        while (iterations++ < maxIterations)
        {
            var gradient = Vector<double>.Build.Dense(p);
            information.Clear();
            double ll = 0;
            for (var i = 0; i < x.Length; i++)
            {
                var row = x[i];
                double eta = 0;
                for (var j = 0; j < p; j++) eta += beta[j] * row[j];
                var mu = Sigmoid(eta);
                var w = mu * (1 - mu);
                ll += (y[i] * LogSigmoid(eta)) + ((1 - y[i]) * LogSigmoid(-eta));
                for (var j = 0; j < p; j++)
                {
                    gradient[j] += (y[i] - mu) * row[j];
                    for (var k = 0; k <= j; k++) information[j, k] += w * row[j] * row[k];
                }
            }
            for (var j = 0; j < p; j++)
                for (var k = 0; k < j; k++) information[k, j] = information[j, k];
            logLikelihood = ll;
            var step = information.Solve(gradient);
            if (step.Exists(double.IsNaN)) break;
            beta += step;
            if (step.AbsoluteMaximum() < tolerance) { converged = true; break; }
        }

        var covariance = information.Inverse();
        var errors = Enumerable.Range(0, p).Select(j => Math.Sqrt(covariance[j, j])).ToArray();
        return new LogisticFit(beta.ToArray(), errors, iterations, converged, logLikelihood);
    }

    private static double LogSigmoid(double eta) => eta >= 0 ? -double.LogP1(Math.Exp(-eta)) : eta - double.LogP1(Math.Exp(eta));
}
