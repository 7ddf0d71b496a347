namespace Inkstone.Evaluation.Statistics;

/// <summary>Coefficients of a logistic regression, their standard errors (from the inverse Fisher information), and whether Newton's method converged.</summary>
public sealed record LogisticFit(double[] Coefficients, double[] StandardErrors, int Iterations, bool Converged, double LogLikelihood)
{
    public double Predict(ReadOnlySpan<double> x)
    {
        double eta = 0;
        for (var j = 0; j < Coefficients.Length; j++) eta += Coefficients[j] * x[j];
        return LogisticRegression.Sigmoid(eta);
    }
}
