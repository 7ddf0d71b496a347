namespace Inkstone.Training;

/// <summary>A plan, input or export problem that stops the build of training data; the message names the file and field.</summary>
public sealed class TrainingDataException : Exception
{
    public TrainingDataException()
    {
    }

    public TrainingDataException(string message)
        : base(message)
    {
    }

    public TrainingDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
