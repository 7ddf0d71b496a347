namespace Inkstone.Reports.Figures;

/// <summary>One box of a box plot: quartiles, whisker ends and outliers as the report model computed them, and its n.</summary>
public sealed record FigureBox(
    string Category,
    double LowerWhisker,
    double Q1,
    double Median,
    double Q3,
    double UpperWhisker,
    IReadOnlyList<double> Outliers,
    long N);
