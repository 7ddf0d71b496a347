using Inkstone.Evaluation.Judgments;
using Inkstone.Evaluation.Statistics;

namespace Inkstone.Evaluation.Reports;

/// <summary>Agreement among human annotators on verdicts and rubric scores.</summary>
public sealed record AgreementReport(
    IReadOnlyList<(string RaterA, string RaterB, AgreementResult Kappa)> CohenPerPair,
    AgreementResult Fleiss,
    AgreementResult KrippendorffNominal,
    IReadOnlyDictionary<RubricDimension, AgreementResult> RubricKrippendorffOrdinal);
