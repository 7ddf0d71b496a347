using System.Globalization;
using Inkstone.Reports.Figures;
using Inkstone.Reports.Fonts;
using ScottPlot;

namespace Inkstone.Reports.Rendering;

/// <summary>
/// Draws figures with ScottPlot in one light, print-friendly style: white background, Okabe–Ito colours, the
/// report's CJK font for every text, the n in the title and beside each bar.
/// </summary>
public sealed partial class FigureRenderer
{
    private static readonly Lock s_registration = new();
    private readonly string _fontName;

    public FigureRenderer(ReportFont font)
    {
        ArgumentNullException.ThrowIfNull(font);
        Font = font;
        _fontName = $"inkstone-report {font.Path}#{font.FaceIndex}";
        lock (s_registration)
        {
            if (!ScottPlot.Fonts.FontResolvers.OfType<FigureFontResolver>().Any(r => r.Name == _fontName))
                ScottPlot.Fonts.FontResolvers.Insert(0, new FigureFontResolver(_fontName, font));
        }
    }

    public ReportFont Font { get; }

    /// <summary>The figure as a standalone SVG document; its text is drawn as outlines of the report's font.</summary>
    public string Svg(Figure figure)
    {
        var (plot, width, height) = Build(figure);
        return SvgText.ToOutlines(plot.GetSvgXml(width, height), Font, figure);
    }

    public byte[] Png(Figure figure)
    {
        var (plot, width, height) = Build(figure);
        return plot.GetImage(width, height).GetImageBytes(ImageFormat.Png);
    }

    internal (Plot Plot, int Width, int Height) Build(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        Font.EnsureGlyphs(figure.Labels().Concat(ValueLabels(figure)));
        if (figure is HeatMapFigure or BoxFigure or IntervalFigure) return BuildEval(figure);
        var plot = new Plot();
        var (categories, series, horizontal) = figure switch
        {
            BarFigure b => (b.Categories, b.Series, b.Horizontal),
            HistogramFigure h => ((IReadOnlyList<string>)[.. h.Bins.Select(x => x.Label)], h.Series, false),
            _ => throw new NotSupportedException(figure.GetType().Name),
        };
        var format = figure is BarFigure bf ? bf.ValueFormat : "N0";
        var slot = 0.8 / Math.Max(1, series.Count);
        // Horizontal figures list the first category at the top.
        double Slot(int i) => horizontal ? categories.Count - 1 - i : i;
        for (var s = 0; s < series.Count; s++)
        {
            var color = ScottPlot.Color.FromHex(OkabeIto.Color(s));
            var bars = series[s].Bars.Select((bar, i) => new Bar
            {
                // The first series on the left (vertical) or on top (horizontal) of its group.
                Position = Slot(i) - 0.4 + slot * (horizontal ? series.Count - s - 0.5 : s + 0.5),
                Value = bar.Value,
                Size = slot * 0.95,
                FillColor = color,
                LineWidth = 0,
                // Beside groups of bars a row of zeros with nothing behind them says nothing a missing bar does not; a zero
                // measured on n > 0 (a 0 % win rate) is a result and keeps its label, as does every bar of one series.
                Label = series.Count > 1 && bar.Value == 0 && bar.N == 0 ? "" : ValueLabel(bar, format),
            }).ToList();
            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = horizontal;
            plottable.ValueLabelStyle.FontName = _fontName;
            plottable.ValueLabelStyle.FontSize = 10;
            if (series.Count > 1) plottable.LegendText = series[s].Name;
        }

        var positions = categories.Select((_, i) => Slot(i)).ToArray();
        var categoryAxis = horizontal ? (IAxis)plot.Axes.Left : plot.Axes.Bottom;
        categoryAxis.SetTicks(positions, [.. categories]);
        // Many or long category labels would overlap side by side: slant them.
        if (!horizontal && (categories.Count > 8 || categories.Sum(c => c.Length) > 60))
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
            // ScottPlot does not grow the axis for slanted labels: room for the longest one (about 9 px a character).
            plot.Axes.Bottom.MinimumSize = Math.Min(260, 9 * categories.Max(c => c.Length) + 40);
        }

        if (figure is BarFigure { ReferenceLine: { } reference } withLine)
        {
            var color = ScottPlot.Color.FromHex(OkabeIto.Color(3));
            if (horizontal)
            {
                var line = plot.Add.VerticalLine(reference, 1.5f, color, LinePattern.Dashed);
                line.LegendText = withLine.ReferenceLabel ?? "";
            }
            else
            {
                var line = plot.Add.HorizontalLine(reference, 1.5f, color, LinePattern.Dashed);
                line.LegendText = withLine.ReferenceLabel ?? "";
            }
        }

        plot.Title($"{figure.Title} (n = {figure.N.ToString("N0", CultureInfo.InvariantCulture)})", 14);
        plot.XLabel(figure.XLabel, 12);
        plot.YLabel(figure.YLabel, 12);
        // Outside the data area, where it can hide no bar or label.
        if (series.Count > 1 || figure is BarFigure { ReferenceLine: not null }) plot.ShowLegend(Edge.Right);
        // Bars start at zero; a little room beyond the longest bar for its label.
        if (horizontal) plot.Axes.Margins(left: 0, right: 0.12, top: 0.02, bottom: 0.02);
        else plot.Axes.Margins(bottom: 0, top: 0.12);
        if (format == "N0")
        {
            var valueAxis = horizontal ? (IAxis)plot.Axes.Bottom : plot.Axes.Left;
            valueAxis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        }
        plot.Font.Set(_fontName);
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Grid.MajorLineColor = ScottPlot.Color.FromHex("#E5E5E5");

        var width = 960;
        var height = horizontal ? Math.Max(360, (int)(24 * categories.Count * Math.Max(1, 0.7 * series.Count)) + 160) : plot.Axes.Bottom.TickLabelStyle.Rotation != 0 ? 600 : 480;
        return (plot, width, height);
    }

    /// <summary>Bar label: the value; when the value is not itself the count, also the n behind it.</summary>
    internal static string ValueLabel(FigureBar bar, string format)
    {
        var value = bar.Value.ToString(format, CultureInfo.InvariantCulture);
        return bar.Value == bar.N ? value : $"{value} (n={bar.N.ToString("N0", CultureInfo.InvariantCulture)})";
    }

    private static IEnumerable<string> ValueLabels(Figure figure) => figure switch
    {
        BarFigure b => b.Series.SelectMany(s => s.Bars).Select(x => ValueLabel(x, b.ValueFormat)),
        HistogramFigure h => h.Series.SelectMany(s => s.Bars).Select(x => ValueLabel(x, "N0")),
        _ => EvalValueLabels(figure),
    };
}
