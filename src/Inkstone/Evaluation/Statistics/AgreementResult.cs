namespace Inkstone.Evaluation.Statistics;

/// <summary>An agreement coefficient and the number of items it rests on; NaN when it is undefined (no items, or no variation to agree on).</summary>
public readonly record struct AgreementResult(double Value, int Items);
