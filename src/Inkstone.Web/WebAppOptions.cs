namespace Inkstone.Web;

/// <summary>How <c>inkstone serve</c> runs the web app.</summary>
public sealed class WebAppOptions
{
    /// <summary>The workspace folder (holding <c>inkstone.json</c>).</summary>
    public required string WorkspaceDirectory { get; init; }

    /// <summary>Addresses to listen on; <c>http://127.0.0.1:0</c> picks a free port (tests).</summary>
    public IReadOnlyList<string> Urls { get; init; } = ["http://localhost:5000"];

    /// <summary>How long a person holds an item they opened; every autosave renews it.</summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Sign-in and invitation posts per minute from one address (the built-in rate limiter).</summary>
    public int SignInRequestsPerMinute { get; init; } = 60;

    public int SignInFailuresPerAccount { get; init; } = 5;
    public int SignInFailuresPerAddress { get; init; } = 50;
    public TimeSpan SignInWindow { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How long an invitation link stays valid.</summary>
    public TimeSpan InvitationLifetime { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Minimum password length (NIST SP 800-63B asks for at least 8).</summary>
    public int MinimumPasswordLength { get; init; } = 10;

    /// <summary>Log requests and framework messages at information level (default: warnings only).</summary>
    public bool Verbose { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
