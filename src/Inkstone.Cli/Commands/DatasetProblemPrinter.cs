using System.Globalization;
using Inkstone.Datasets;

namespace Inkstone.Cli.Commands;

/// <summary>Prints problems as they are found, the first <see cref="PrintedProblems"/> in full, then only counts them.</summary>
public sealed class DatasetProblemPrinter(TextWriter writer)
{
    /// <summary>How many problems are printed before the rest are only counted (all go to the rejects file).</summary>
    public const int PrintedProblems = 50;

    public long Count { get; private set; }

    public void Print(DatasetProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Count++;
        if (Count <= PrintedProblems) writer.WriteLine(problem.ToString());
    }

    public void PrintOmitted()
    {
        if (Count > PrintedProblems)
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"… {Count - PrintedProblems} more problems not shown (use --rejects FILE to keep every rejected record)"));
    }
}
