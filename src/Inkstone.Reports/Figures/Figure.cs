using System.Text.Json.Serialization;

namespace Inkstone.Reports.Figures;

/// <summary>
/// A figure as numbers: what is drawn and the n behind it, taken from a report model (never computed again here).
/// <c>--format json</c> prints these records; the renderer draws exactly these values.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(BarFigure), "bar")]
[JsonDerivedType(typeof(HistogramFigure), "histogram")]
[JsonDerivedType(typeof(HeatMapFigure), "heat_map")]
[JsonDerivedType(typeof(BoxFigure), "box")]
[JsonDerivedType(typeof(IntervalFigure), "interval")]
public abstract record Figure
{
    /// <summary>File name stem of the figure (<c>ID.svg</c>, <c>ID.png</c>) and its anchor in the HTML report.</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>Horizontal axis label, with its unit.</summary>
    public required string XLabel { get; init; }

    /// <summary>Vertical axis label, with its unit.</summary>
    public required string YLabel { get; init; }

    /// <summary>The exact definition of what is drawn (shown under the figure and in docs/reports.md).</summary>
    public required string Definition { get; init; }

    /// <summary>How many records the whole figure rests on.</summary>
    public required long N { get; init; }

    /// <summary>Every text the figure draws: the font must have a glyph for each of their characters.</summary>
    public virtual IEnumerable<string> Labels() => [Title, XLabel, YLabel, $"n = {N:N0}"];
}
