namespace Inkstone.Team;

/// <summary>What a person may do in the web app. A person holds one or more roles.</summary>
public enum TeamRole
{
    Admin,
    Annotator,
    Reviewer,
    ExpertReviewer,
    Judge,
}
