namespace Inkstone.Evaluation.Statistics;

/// <summary>
/// One judged comparison of <paramref name="Model"/> against the baseline on a query: <paramref name="Preference"/> is 1
/// if the model won, 0 if the baseline won, 0.5 for a tie; <paramref name="LengthDifference"/> is the model's answer
/// length minus the baseline's (characters).
/// </summary>
public readonly record struct BaselineComparison(string QueryId, string Model, double Preference, double LengthDifference);
