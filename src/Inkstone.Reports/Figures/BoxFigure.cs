namespace Inkstone.Reports.Figures;

/// <summary>Box plots side by side, one per category (e.g. a model), each with the n behind it.</summary>
public sealed record BoxFigure : Figure
{
    public required IReadOnlyList<FigureBox> Boxes { get; init; }

    /// <summary>Draw the value axis on a log scale (lengths spanning decades).</summary>
    public bool LogScale { get; init; }

    public override IEnumerable<string> Labels() => base.Labels().Concat(Boxes.Select(b => b.Category));
}
