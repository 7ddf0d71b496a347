using System.Globalization;
using Inkstone.Curation;
using Inkstone.Reports.Figures;

namespace Inkstone.Reports.Documents;

/// <summary>The curation report (<c>inkstone report curation</c>): the funnel, acceptance rates and the spread.</summary>
public static class CurationReport
{
    public static ReportDocument Build(CurationStatus status, string workspace)
    {
        ArgumentNullException.ThrowIfNull(status);
        static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        IReadOnlyList<KeyValuePair<string, string>> about =
        [
            new("workspace", workspace),
            new("items", N(status.Total)),
            new("ingest problems", $"{N(status.IngestErrors)} errors, {N(status.IngestWarnings)} warnings"),
        ];
        var tables = new List<ReportTable>
        {
            new("Items per state", ["state", "reason", "items"],
                [.. status.States.Select(s => (IReadOnlyList<string>)[s.State, s.Reason ?? "", N(s.Count)]), ["total", "", N(status.Total)]]),
            new("Acceptance rate per stage", ["stage", "from", "decided", "passed", "rate"],
                [.. status.Rates.Select(r => (IReadOnlyList<string>)[r.Stage, r.From, N(r.Decided), N(r.Passed),
                    r.Rate is { } x ? x.ToString("P1", CultureInfo.InvariantCulture) : "–"])]),
            new("Work per person", ["person", "annotated", "scored", "reviews assigned", "accept", "revise", "remove"],
                [.. status.People.Select(p => (IReadOnlyList<string>)[p.Person, N(p.Annotated), N(p.Scored), N(p.ReviewsAssigned),
                    N(p.Accepted), N(p.Revised), N(p.Removed)])]),
            new("Reviewer agreement", ["pairs of decisions", "agreeing", "agreement"],
                [[N(status.Agreement.Pairs), N(status.Agreement.AgreeingPairs),
                    status.Agreement.Rate is { } a ? a.ToString("P1", CultureInfo.InvariantCulture) : "–"]],
                "pairs of reviewers who decided the same item in the same round; agreement = same decision"),
            Buckets("Accepted per genre", "genre", status.Genres),
            Buckets("Accepted per platform", "platform", status.Platforms),
            Buckets("Accepted per month", "month", status.Months),
        };
        var notes = new List<string>();
        var low = status.Genres.Where(g => g.Count < status.MinimumPerGenre).Select(g => g.Key).ToList();
        if (status.Genres.Count == 0) notes.Add("no accepted triplets yet");
        else if (low.Count > 0) notes.Add($"below {status.MinimumPerGenre} per genre: {string.Join(", ", low)}");
        return new ReportDocument("Inkstone curation report", about, CurationFigures.Build(status), tables, notes);
    }

    private static ReportTable Buckets(string title, string key, IReadOnlyList<CurationStatus.Bucket> buckets) =>
        new(title, [key, "triplets"], [.. buckets.Select(b => (IReadOnlyList<string>)[b.Key, b.Count.ToString("N0", CultureInfo.InvariantCulture)])]);
}
