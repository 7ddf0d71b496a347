using Inkstone.Curation;

namespace Inkstone.Reports.Figures;

/// <summary>The curation report's figures, read off a <see cref="CurationStatus"/> (what <c>inkstone status</c> computes).</summary>
public static class CurationFigures
{
    public const string FunnelId = "curation-funnel";
    public const string AcceptanceId = "acceptance-rate";
    public const string GenresId = "accepted-per-genre";
    public const string PlatformsId = "accepted-per-platform";
    public const string MonthsId = "accepted-per-month";
    public const string WorkId = "work-per-person";
    public const string DecisionsId = "review-decisions-per-reviewer";

    public static IReadOnlyList<Figure> Build(CurationStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return [Funnel(status), Acceptance(status), Work(status), Decisions(status), Genres(status), Platforms(status), Months(status)];
    }

    public static BarFigure Work(CurationStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var people = status.People;
        return new BarFigure
        {
            Id = WorkId,
            Title = "Work per annotator and reviewer",
            XLabel = "items",
            YLabel = "person",
            Definition = "Per person: items they moved to annotated and items whose score they recorded (audit trail, "
                + "actor a person), and review decisions they recorded (accept, revise or remove).",
            N = people.Sum(p => p.Annotated + p.Scored + p.ReviewsDecided),
            Horizontal = true,
            Series =
            [
                new FigureSeries("annotated", [.. people.Select(p => new FigureBar(p.Person, p.Annotated, p.Annotated))]),
                new FigureSeries("scored", [.. people.Select(p => new FigureBar(p.Person, p.Scored, p.Scored))]),
                new FigureSeries("review decisions", [.. people.Select(p => new FigureBar(p.Person, p.ReviewsDecided, p.ReviewsDecided))]),
            ],
        };
    }

    public static BarFigure Decisions(CurationStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var reviewers = status.People.Where(p => p.ReviewsAssigned > 0).ToList();
        var agreement = status.Agreement.Rate is { } rate
            ? $"; reviewers agree on {rate * 100:0.0} % of {status.Agreement.Pairs:N0} pairs of decisions on the same item and round"
            : "; no item has two decisions in the same round yet";
        return new BarFigure
        {
            Id = DecisionsId,
            Title = "Review decisions per reviewer",
            XLabel = "decisions",
            YLabel = "reviewer",
            Definition = "Per reviewer, the review decisions recorded by kind (open assignments are not counted)" + agreement + ".",
            N = reviewers.Sum(p => p.ReviewsDecided),
            Horizontal = true,
            Series =
            [
                new FigureSeries("accept", [.. reviewers.Select(p => new FigureBar(p.Person, p.Accepted, p.Accepted))]),
                new FigureSeries("revise", [.. reviewers.Select(p => new FigureBar(p.Person, p.Revised, p.Revised))]),
                new FigureSeries("remove", [.. reviewers.Select(p => new FigureBar(p.Person, p.Removed, p.Removed))]),
            ],
        };
    }

    public static BarFigure Funnel(CurationStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new BarFigure
        {
            Id = FunnelId,
            Title = "Curation funnel: items per state",
            XLabel = "items",
            YLabel = "state (reason)",
            Definition = "Every item ever stored is in exactly one state; one bar per state and reason (rejected, "
                + "removed, held and quarantined items carry their reason). The bars add up to n.",
            N = status.Total,
            Horizontal = true,
            Series = [new FigureSeries("items", [.. status.States.Select(s =>
                new FigureBar(s.Reason is null ? s.State : $"{s.State} ({s.Reason})", s.Count, s.Count))])],
        };
    }

    public static BarFigure Acceptance(CurationStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new BarFigure
        {
            Id = AcceptanceId,
            Title = "Acceptance rate per stage",
            XLabel = "stage",
            YLabel = "passed ÷ decided (%)",
            Definition = "Of the decisions recorded on items leaving a stage's state, the share that moved forward "
                + "(quarantine, a failed call, is not a decision). First review counts each item's first review "
                + "decision only (the paper reports ≈ 70 %). The n of each bar is the number of decisions; a stage "
                + "without decisions is drawn at 0 with n = 0.",
            N = status.Total,
            ValueFormat = "0.0",
            Series = [new FigureSeries("rate", [.. status.Rates.Select(r =>
                new FigureBar(r.Stage, (r.Rate ?? 0) * 100, r.Decided))])],
        };
    }

    public static BarFigure Genres(CurationStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var accepted = status.Genres.Sum(g => g.Count);
        return new BarFigure
        {
            Id = GenresId,
            Title = "Accepted triplets per genre",
            XLabel = "accepted triplets",
            YLabel = "genre",
            Definition = "Accepted items per genre as stored in the workspace; the dashed line is the workspace's "
                + $"minimum per genre ({status.MinimumPerGenre}).",
            N = accepted,
            Horizontal = true,
            ReferenceLine = status.MinimumPerGenre,
            ReferenceLabel = $"≥ {status.MinimumPerGenre} per genre",
            Series = [new FigureSeries("triplets", [.. status.Genres.Select(Bar)])],
        };
    }

    public static BarFigure Platforms(CurationStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new BarFigure
        {
            Id = PlatformsId,
            Title = "Accepted triplets per source platform",
            XLabel = "accepted triplets",
            YLabel = "platform",
            Definition = "Accepted items per provenance platform; \"(unknown)\" for items without one.",
            N = status.Platforms.Sum(p => p.Count),
            Horizontal = true,
            Series = [new FigureSeries("triplets", [.. status.Platforms.Select(Bar)])],
        };
    }

    public static BarFigure Months(CurationStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new BarFigure
        {
            Id = MonthsId,
            Title = "Accepted triplets per publication month",
            XLabel = "publication month (yyyy-MM)",
            YLabel = "accepted triplets",
            Definition = "Accepted items per month of the source's publication date; \"(undated)\" without one.",
            N = status.Months.Sum(m => m.Count),
            Series = [new FigureSeries("triplets", [.. status.Months.Select(Bar)])],
        };
    }

    private static FigureBar Bar(CurationStatus.Bucket bucket) => new(bucket.Key, bucket.Count, bucket.Count);
}
