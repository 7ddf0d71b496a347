namespace Inkstone.Tests.Fuzz;

/// <summary>How records are laid out in a file of one reader.</summary>
public enum RecordLayout
{
    JsonLines,
    JsonArray,
    Csv,
}

/// <summary>
/// A record reader as the fuzz tests drive it: how to write a valid record (from its index and a random text), the
/// file layout, and how to read a file back into counts of accepted and rejected records.
/// </summary>
public sealed record ReaderUnderTest(
    string Name,
    string Extension,
    RecordLayout Layout,
    Func<int, string, string> ValidRecord,
    Func<string, CancellationToken, Task<(int Accepted, int Rejected)>> ReadAsync,
    string? CsvHeader = null)
{
    public override string ToString() => Name;
}
