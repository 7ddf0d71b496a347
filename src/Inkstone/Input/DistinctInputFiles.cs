namespace Inkstone.Input;

/// <summary>Input paths with repeats dropped, and the notes saying which were dropped (for stderr).</summary>
public sealed record DistinctInputFiles(IReadOnlyList<string> Paths, IReadOnlyList<string> Notes);
