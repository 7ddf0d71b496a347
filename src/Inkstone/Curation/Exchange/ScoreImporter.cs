using System.Globalization;
using Inkstone.Curation.Scoring;
using Inkstone.Model;
using Inkstone.Storage;

namespace Inkstone.Curation.Exchange;

/// <summary>
/// Imports six-dimension scores given by people (step 6): <c>source_id</c>, <c>scorer</c>, and the integers
/// <c>article_quality</c>, <c>article_creativity</c>, <c>query_quality</c>, <c>query_creativity</c>, <c>thought_quality</c>,
/// <c>thought_creativity</c> (1–10). Annotated items pass the gate to scored or go to revise(gate); each record goes through
/// <see cref="HumanScoring"/>, as a web form does, so a scorer who annotated the item is refused.
/// </summary>
public sealed class ScoreImporter(ICurationStore store, ScoreGate gate)
{
    private readonly HumanScoring _scoring = new(store, gate);

    private static readonly (string Field, ScoreDimension Dimension)[] s_fields =
    [
        ("article_quality", ScoreDimension.ArticleQuality), ("article_creativity", ScoreDimension.ArticleCreativity),
        ("query_quality", ScoreDimension.QueryQuality), ("query_creativity", ScoreDimension.QueryCreativity),
        ("thought_quality", ScoreDimension.ThoughtQuality), ("thought_creativity", ScoreDimension.ThoughtCreativity),
    ];

    /// <summary>Columns a CSV file must have (alternatives separated by '|').</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = ["source_id|id", "scorer", .. s_fields.Select(f => f.Field)];

    public async Task<ImportReport> ImportAsync(string path, string? runId = null, CancellationToken cancellationToken = default)
    {
        long records = 0, already = 0;
        var applied = new Dictionary<string, long>(StringComparer.Ordinal);
        var errors = new List<IngestError>();
        await foreach (var record in ExchangeFileReader.ReadAsync(path, RequiredColumns, cancellationToken).ConfigureAwait(false))
        {
            records++;
            IngestError Error(string? field, string message) => new(record.Location, field, message);
            if (record.Error is not null) { errors.Add(Error(null, record.Error)); continue; }
            var id = record.Get("source_id") ?? record.Get("id");
            var scorer = record.Get("scorer");
            if (id is null) { errors.Add(Error("source_id", "missing")); continue; }
            if (scorer is null) { errors.Add(Error("scorer", "missing")); continue; }

            var scores = new AssessmentScores();
            string? bad = null;
            foreach (var (field, dimension) in s_fields)
            {
                var raw = record.Get(field);
                if (raw is null || !int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || !AssessmentScores.IsInRange(value))
                {
                    bad = field;
                    errors.Add(Error(field, raw is null ? "missing" : $"'{raw}' is not an integer from {AssessmentScores.Minimum} to {AssessmentScores.Maximum}"));
                    break;
                }

                scores = scores.With(dimension, value);
            }

            if (bad is not null) continue;
            var outcome = await _scoring.ScoreAsync(id, scorer, scores, runId: runId, cancellationToken: cancellationToken).ConfigureAwait(false);
            switch (outcome.Kind)
            {
                case ScoringOutcomeKind.Applied:
                    var key = outcome.ReasonCode is null ? outcome.To!.Value.ToStorage() : $"{outcome.To!.Value.ToStorage()}({outcome.ReasonCode})";
                    applied[key] = applied.GetValueOrDefault(key) + 1;
                    break;
                case ScoringOutcomeKind.AlreadyApplied: already++; break;
                case ScoringOutcomeKind.Stale: errors.Add(Error("source_id", $"item '{id}' changed while importing; import again")); break;
                case ScoringOutcomeKind.Invalid or ScoringOutcomeKind.SelfScoring: errors.Add(Error(outcome.Field, outcome.Message!)); break;
                default: errors.Add(Error("source_id", outcome.Message!)); break;
            }
        }

        return new ImportReport(records, applied, already, errors);
    }
}
