namespace Inkstone.Datasets;

/// <summary>Thrown in strict mode on the first problem; the message is the located problem.</summary>
public sealed class DatasetFormatException : Exception
{
    public DatasetFormatException(DatasetProblem problem) : base(problem?.ToString()) => Problem = problem;
    public DatasetFormatException(string message) : base(message) { }
    public DatasetFormatException(string message, Exception inner) : base(message, inner) { }
    public DatasetFormatException() { }

    public DatasetProblem? Problem { get; }
}
