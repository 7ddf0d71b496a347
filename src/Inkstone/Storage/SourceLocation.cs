namespace Inkstone.Storage;

/// <summary>Where a record was read: the file and the record within it (e.g. <c>line 12</c>, <c>row 3</c>).</summary>
public sealed record SourceLocation(string File, string Record)
{
    public override string ToString() => $"{File}: {Record}";
}
