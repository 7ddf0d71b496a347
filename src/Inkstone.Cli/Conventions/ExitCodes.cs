namespace Inkstone.Cli.Conventions;

/// <summary>The exit codes of every verb (docs/cli.md). A verb never exits 0 when something failed or was rejected.</summary>
public static class ExitCodes
{
    /// <summary>Everything asked for was done; no record was rejected, nothing failed.</summary>
    public const int Success = 0;

    /// <summary>The verb ran to the end, but some records were rejected or some items or calls failed (each reported).</summary>
    public const int Rejected = 1;

    /// <summary>Usage or input error: a bad option, a missing or unreadable path, a file of the wrong format, a bad configuration, or --strict stopping at a problem.</summary>
    public const int InputError = 2;

    /// <summary>The input was read, but a check the verb makes failed (coverage, convergence, a stopped circuit breaker).</summary>
    public const int CheckFailed = 3;

    /// <summary>An error that is a defect of Inkstone itself; --verbose shows the stack trace.</summary>
    public const int InternalError = 4;

    /// <summary>Interrupted by Ctrl-C or SIGTERM.</summary>
    public const int Interrupted = 130;

    /// <summary>1 when any record was rejected or any item failed, else 0.</summary>
    public static int FromRejections(long rejected) => rejected > 0 ? Rejected : Success;
}
