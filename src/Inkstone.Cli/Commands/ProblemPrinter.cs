using System.Globalization;

namespace Inkstone.Cli.Commands;

/// <summary>
/// Prints problems as they are found, the first <see cref="PrintedProblems"/> in full, then only counts them;
/// <paramref name="whereToFindAll"/> tells the reader where the omitted ones are kept.
/// </summary>
public sealed class ProblemPrinter(TextWriter writer, string whereToFindAll)
{
    /// <summary>How many problems are printed before the rest are only counted.</summary>
    public const int PrintedProblems = 50;

    public long Count { get; private set; }

    public void Print(string problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Count++;
        if (Count <= PrintedProblems) writer.WriteLine(problem);
    }

    public void PrintOmitted()
    {
        if (Count > PrintedProblems)
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"… {Count - PrintedProblems} more problems not shown ({whereToFindAll})"));
    }
}
