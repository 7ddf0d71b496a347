namespace Inkstone.Cli.Conventions;

/// <summary>
/// A problem with what the user gave (a path, an option value, a file's content) that stops the verb: printed as one
/// <c>error:</c> line and exit code <see cref="ExitCodes.InputError"/> (or the code given).
/// </summary>
public sealed class CliInputException : Exception
{
    public CliInputException() { }

    public CliInputException(string message) : base(message) { }

    public CliInputException(string message, Exception innerException) : base(message, innerException) { }

    public CliInputException(string message, int exitCode) : base(message) => ExitCode = exitCode;

    public int ExitCode { get; } = ExitCodes.InputError;
}
