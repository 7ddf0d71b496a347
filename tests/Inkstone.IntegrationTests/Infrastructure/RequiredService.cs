namespace Inkstone.IntegrationTests.Infrastructure;

/// <summary>
/// Integration suites need outside services or tools. Locally a missing one skips the test with the reason;
/// under CI (CI=true or INKSTONE_REQUIRE_SERVICES=1) a missing one fails it.
/// </summary>
public static class RequiredService
{
    public static bool Required =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || Environment.GetEnvironmentVariable("INKSTONE_REQUIRE_SERVICES") == "1";

    /// <summary>Skips (locally) or fails (CI) when <paramref name="available"/> is false.</summary>
    public static void Ensure(bool available, string what)
    {
        if (available) return;
        var message = $"{what} is not available";
        if (Required) Assert.Fail(message + " (required under CI)");
        Assert.Skip(message);
    }

    /// <summary>Finds the repository root (the folder holding Inkstone.slnx) above the test binaries.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Inkstone.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }
}
