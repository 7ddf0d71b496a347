namespace Inkstone.Storage;

/// <summary>A reviewer's verdict on a triplet (paper §2.3).</summary>
public enum ReviewDecisionKind
{
    Accept,
    Revise,
    Remove,
}
