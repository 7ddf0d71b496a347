using Inkstone.Evaluation.Reports;
using Inkstone.Reports.Figures;

namespace Inkstone.Reports.Documents;

/// <summary>
/// The paper's analysis in one report (<c>inkstone report paper</c>): the dataset, evaluation and (with a workspace)
/// curation reports' figures and tables, in the order the paper presents them.
/// </summary>
public static class PaperReport
{
    /// <summary>
    /// Figures: Fig. 3 (dataset), Table 2 and the ratings, Figs. 4–5 and contamination, Fig. 6, Figs. 7–8, the
    /// remaining evaluation figures, the dataset's spread, then the curation figures. Tables: the evaluation tables
    /// (Table 2 onward), the dataset tables (Tables 5–10), then the curation tables.
    /// </summary>
    public static ReportDocument Build(ReportDocument dataset, EvaluationReport evaluation, ReportDocument? curation,
        IReadOnlyList<KeyValuePair<string, string>> about)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(about);
        var eval = EvalReport.Build(evaluation, []);
        Figure? DatasetFigure(string id) => dataset.Figures.FirstOrDefault(f => f.Id == id);
        var evalFigures = eval.Figures.ToList();
        var outputs = EvalFigures.Outputs(evaluation).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        bool IsBehavior(Figure f) => f.Id.StartsWith(EvalFigures.BehaviorsId(""), StringComparison.Ordinal);
        var figures = new List<Figure>();
        void Add(Figure? f)
        {
            if (f is not null && figures.All(x => x.Id != f.Id)) figures.Add(f);
        }
        Add(DatasetFigure(DatasetFigures.CategorySharesId));
        Add(DatasetFigure(DatasetFigures.LengthDistributionId));
        foreach (var f in evalFigures.Where(f => !outputs.Contains(f.Id) && !IsBehavior(f)
            && (f is HeatMapFigure || f is IntervalFigure))) Add(f);
        foreach (var f in evalFigures.Where(f => outputs.Contains(f.Id))) Add(f);
        Add(DatasetFigure(DatasetFigures.GenreDistributionId));
        foreach (var f in evalFigures.Where(IsBehavior)) Add(f);
        foreach (var f in evalFigures) Add(f);
        foreach (var f in dataset.Figures) Add(f);
        foreach (var f in curation?.Figures ?? []) Add(f);

        var about2 = about.Concat(dataset.About.Select(p => KeyValuePair.Create("dataset " + p.Key, p.Value)))
            .Concat(eval.About).Concat(curation?.About.Select(p => KeyValuePair.Create("curation " + p.Key, p.Value)) ?? []).ToList();
        var notes = dataset.Notes.Concat(eval.Notes).Concat(curation?.Notes ?? []).ToList();
        return new ReportDocument("Inkstone report: the paper's analysis", about2, figures,
            [.. eval.Tables, .. dataset.Tables, .. curation?.Tables ?? []], notes);
    }
}
