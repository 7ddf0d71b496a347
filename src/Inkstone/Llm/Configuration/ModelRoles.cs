namespace Inkstone.Llm.Configuration;

/// <summary>The steps that ask for a model by role; a role maps to a named model configuration, or to the default model.</summary>
public static class ModelRoles
{
    public const string Screening = "screening";
    public const string Analysis = "analysis";
    public const string Drafting = "drafting";
    public const string Scoring = "scoring";
    public const string Judge = "judge";
    public const string Labelling = "labelling";

    public static IReadOnlyList<string> All { get; } = [Screening, Analysis, Drafting, Scoring, Judge, Labelling];
}
