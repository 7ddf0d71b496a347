namespace Inkstone.IntegrationTests.Infrastructure;

/// <summary>
/// Finds the system Chromium the browser tests drive (Debian's <c>chromium</c> package; Playwright's own browser
/// download is never used). <c>INKSTONE_CHROMIUM</c> names another executable. Like the other required services it
/// skips a test locally when missing and fails it under CI.
/// </summary>
public static class ChromiumProbe
{
    public const string DefaultPath = "/usr/bin/chromium";

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("INKSTONE_CHROMIUM") is { Length: > 0 } path ? path : DefaultPath;

    public static bool Available => File.Exists(ExecutablePath);

    public static void EnsureAvailable() =>
        RequiredService.Ensure(Available, $"Chromium ({ExecutablePath} not found; Debian package 'chromium')");
}
