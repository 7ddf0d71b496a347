namespace Inkstone.Training;

/// <summary>A triplet that cannot enter a training mix, named by id and field.</summary>
public sealed record ProcessDataIssue(string TripletId, string Field, string Message)
{
    public override string ToString() => $"triplet {TripletId}: {Field}: {Message}";
}
