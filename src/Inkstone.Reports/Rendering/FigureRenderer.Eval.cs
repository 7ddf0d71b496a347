using System.Globalization;
using Inkstone.Reports.Figures;
using ScottPlot;

namespace Inkstone.Reports.Rendering;

/// <summary>The evaluation figures: heat maps (Table 2), box plots (Fig. 4) and interval (forest) plots, in the same style.</summary>
public sealed partial class FigureRenderer
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    private (Plot Plot, int Width, int Height) BuildEval(Figure figure)
    {
        var plot = new Plot();
        var (width, height) = figure switch
        {
            HeatMapFigure h => DrawHeatMap(plot, h),
            BoxFigure b => DrawBoxes(plot, b),
            IntervalFigure i => DrawIntervals(plot, i),
            _ => throw new NotSupportedException(figure.GetType().Name),
        };
        plot.Title($"{figure.Title} (n = {figure.N.ToString("N0", s_invariant)})", 14);
        plot.XLabel(figure.XLabel, 12);
        plot.YLabel(figure.YLabel, 12);
        plot.Font.Set(_fontName);
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Grid.MajorLineColor = ScottPlot.Color.FromHex("#E5E5E5");
        return (plot, width, height);
    }

    private (int Width, int Height) DrawHeatMap(Plot plot, HeatMapFigure figure)
    {
        var rows = figure.Rows;
        var columns = figure.Columns;
        // The first row at the top.
        double RowY(string row) => rows.Count - 1 - IndexOf(rows, row);
        foreach (var cell in figure.Cells)
        {
            var x = IndexOf(columns, cell.Column);
            var y = RowY(cell.Row);
            if (x < 0 || y > rows.Count - 1) continue;
            var rectangle = plot.Add.Rectangle(x - 0.5, x + 0.5, y - 0.5, y + 0.5);
            rectangle.FillColor = ScottPlot.Color.FromHex(Diverging(cell.Value, figure.Midpoint));
            rectangle.LineColor = Colors.White;
            rectangle.LineWidth = 1;
            var value = plot.Add.Text(HeatMapLabel(cell), x, y + 0.12);
            Style(value, 12, bold: true);
            var n = plot.Add.Text(HeatMapCountLabel(cell), x, y - 0.18);
            Style(n, 10, bold: false);
        }
        plot.Axes.Bottom.SetTicks([.. columns.Select((_, i) => (double)i)], [.. columns]);
        plot.Axes.Left.SetTicks([.. rows.Select(r => RowY(r))], [.. rows]);
        plot.Axes.SetLimits(-0.5, columns.Count - 0.5, -0.5, rows.Count - 0.5);
        plot.Grid.IsVisible = false;
        if (columns.Sum(c => c.Length) > 60)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
            plot.Axes.Bottom.MinimumSize = Math.Min(260, 9 * columns.Max(c => c.Length) + 40);
        }
        var side = Math.Max(480, 110 * Math.Max(columns.Count, rows.Count) + 200);
        return (Math.Min(960, side), Math.Min(960, side) - 40);
    }

    private (int Width, int Height) DrawBoxes(Plot plot, BoxFigure figure)
    {
        var color = ScottPlot.Color.FromHex(OkabeIto.Color(0));
        var boxes = figure.Boxes.Select((b, i) => new ScottPlot.Box
        {
            Position = i,
            BoxMin = b.Q1,
            BoxMax = b.Q3,
            BoxMiddle = b.Median,
            WhiskerMin = b.LowerWhisker,
            WhiskerMax = b.UpperWhisker,
        }).ToList();
        var plottable = plot.Add.Boxes(boxes);
        // Light fill: the median line and the outliers stay visible in grey print.
        plottable.FillColor = color.WithAlpha(0.35);
        plottable.LineColor = Colors.Black;
        for (var i = 0; i < figure.Boxes.Count; i++)
        {
            var box = figure.Boxes[i];
            if (box.Outliers.Count > 0)
            {
                var points = plot.Add.ScatterPoints(Enumerable.Repeat((double)i, box.Outliers.Count).ToArray(), box.Outliers.ToArray());
                points.Color = ScottPlot.Color.FromHex(OkabeIto.Color(3));
                points.MarkerSize = 5;
            }
        }
        plot.Axes.Bottom.SetTicks([.. figure.Boxes.Select((_, i) => (double)i)], [.. figure.Boxes.Select(BoxLabel)]);
        if (figure.Boxes.Sum(b => BoxLabel(b).Length) > 110)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
            plot.Axes.Bottom.MinimumSize = Math.Min(260, 9 * figure.Boxes.Max(b => BoxLabel(b).Length) + 40);
        }
        plot.Axes.Margins(left: 0.08, right: 0.08, bottom: 0.05, top: 0.08);
        return (960, 520);
    }

    private (int Width, int Height) DrawIntervals(Plot plot, IntervalFigure figure)
    {
        var count = figure.Intervals.Count;
        var color = ScottPlot.Color.FromHex(OkabeIto.Color(0));
        for (var i = 0; i < count; i++)
        {
            var interval = figure.Intervals[i];
            var y = count - 1 - i;
            if (interval is { Low: { } low, High: { } high })
            {
                var line = plot.Add.Line(low, y, high, y);
                line.LineWidth = 2;
                line.LineColor = color;
                foreach (var end in (double[])[low, high])
                {
                    var cap = plot.Add.Line(end, y - 0.15, end, y + 0.15);
                    cap.LineWidth = 2;
                    cap.LineColor = color;
                }
            }
            var marker = plot.Add.Marker(interval.Value, y, MarkerShape.FilledCircle, 9);
            marker.Color = ScottPlot.Color.FromHex(OkabeIto.Color(3));
            var label = plot.Add.Text(IntervalLabel(interval, figure.ValueFormat), interval.Value, y + 0.3);
            Style(label, 10, bold: false);
        }
        if (figure.ReferenceLine is { } reference)
        {
            var line = plot.Add.VerticalLine(reference, 1.5f, ScottPlot.Color.FromHex(OkabeIto.Color(2)), LinePattern.Dashed);
            line.LegendText = figure.ReferenceLabel ?? "";
            plot.ShowLegend(Edge.Right);
        }
        plot.Axes.Left.SetTicks([.. figure.Intervals.Select((_, i) => (double)(count - 1 - i))], [.. figure.Intervals.Select(i => i.Category)]);
        plot.Axes.Margins(left: 0.1, right: 0.1, top: 0.15, bottom: 0.1);
        return (960, Math.Max(360, 48 * count + 200));
    }

    private void Style(ScottPlot.Plottables.Text text, float size, bool bold)
    {
        text.LabelFontName = _fontName;
        text.LabelFontSize = size;
        text.LabelBold = bold;
        text.LabelAlignment = Alignment.MiddleCenter;
        text.LabelFontColor = Colors.Black;
    }

    /// <summary>The cell's win rate in % with its significance mark, e.g. "62.5**".</summary>
    internal static string HeatMapLabel(HeatMapCell cell) => (cell.Value * 100).ToString("0.0", s_invariant) + cell.Mark;

    internal static string HeatMapCountLabel(HeatMapCell cell) => "n=" + cell.N.ToString("N0", s_invariant);

    /// <summary>A box's tick label: the category and its n.</summary>
    internal static string BoxLabel(FigureBox box) => $"{box.Category} (n={box.N.ToString("N0", s_invariant)})";

    internal static string IntervalLabel(FigureInterval interval, string format) =>
        interval.Value.ToString(format, s_invariant)
        + (interval is { Low: { } low, High: { } high } ? $" [{low.ToString(format, s_invariant)}, {high.ToString(format, s_invariant)}]" : "")
        + $" (n={interval.N.ToString("N0", s_invariant)})";

    /// <summary>
    /// Blue (#0072B2) below the midpoint, vermilion (#D55E00) above, white at it; mixed at most 60 % toward the colour so
    /// that black cell labels stay readable.
    /// </summary>
    internal static string Diverging(double value, double midpoint)
    {
        var t = double.IsNaN(value) ? 0 : Math.Clamp((value - midpoint) / (value < midpoint ? midpoint : 1 - midpoint), -1, 1);
        var (r, g, b) = t < 0 ? (0x00, 0x72, 0xB2) : (0xD5, 0x5E, 0x00);
        var k = 0.6 * Math.Abs(t);
        int Mix(int c) => (int)Math.Round(255 + (k * (c - 255)));
        return $"#{Mix(r):X2}{Mix(g):X2}{Mix(b):X2}";
    }

    private static IEnumerable<string> EvalValueLabels(Figure figure) => figure switch
    {
        HeatMapFigure h => h.Cells.SelectMany(c => new[] { HeatMapLabel(c), HeatMapCountLabel(c) }),
        BoxFigure b => b.Boxes.Select(BoxLabel),
        IntervalFigure i => i.Intervals.Select(x => IntervalLabel(x, i.ValueFormat)),
        _ => [],
    };

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++)
            if (string.Equals(list[i], item, StringComparison.Ordinal)) return i;
        return -1;
    }
}
