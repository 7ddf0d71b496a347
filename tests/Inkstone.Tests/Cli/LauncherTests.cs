using System.Diagnostics;

namespace Inkstone.Tests.Cli;

/// <summary>
/// The <c>./inkstone</c> launcher, run by bash in a copy of its checkout layout with a stand-in <c>dotnet</c> that logs
/// its calls: it must run the built program directly, build only when something changed, and stop on a failed build.
/// </summary>
public sealed class LauncherTests : IDisposable
{
    private const string FakeDotnet = """
        #!/usr/bin/env bash
        echo "$*" >> "$FAKE_LOG"
        if [[ "$1" == build ]]; then
          if [[ -n "${FAKE_FAIL:-}" ]]; then
            echo "/r/A.cs(1,2): error CS1002: ; expected [/r/p.csproj]"
            echo "/r/A.cs(1,2): error CS1002: ; expected [/r/p.csproj]"
            exit 1
          fi
          while [[ $# -gt 0 ]]; do
            if [[ "$1" == -o ]]; then mkdir -p "$2" && touch "$2/Inkstone.Cli.dll"; fi
            shift
          done
          exit 0
        fi
        echo "ran ${*:2} as $INKSTONE_COMMAND"
        """;

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("inkstone launcher ");
    private readonly string _checkout;
    private readonly string _log;
    private readonly string _bin;

    public LauncherTests()
    {
        _checkout = Path.Combine(_root.FullName, "my checkout");
        _bin = Path.Combine(_root.FullName, "bin");
        _log = Path.Combine(_root.FullName, "dotnet.log");
        Directory.CreateDirectory(Path.Combine(_checkout, "src", "Inkstone.Cli"));
        Directory.CreateDirectory(_bin);
        File.Copy(Path.Combine(RepositoryRoot(), "inkstone"), Path.Combine(_checkout, "inkstone"));
        File.WriteAllText(Path.Combine(_bin, "dotnet"), FakeDotnet.ReplaceLineEndings("\n") + "\n");
        // The launcher is a bash script; on Windows these tests do not apply (and fail at starting bash).
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(Path.Combine(_bin, "dotnet"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        foreach (var file in new[] { "src/Inkstone.Cli/Inkstone.Cli.csproj", "src/Inkstone.Cli/Program.cs", "Directory.Build.props" })
        {
            var path = Path.Combine(_checkout, file);
            File.WriteAllText(path, "x");
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(-1));
        }
    }

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task FirstRun_BuildsReleaseSayingSo_ThenRunsTheDll()
    {
        var (exit, output, errors) = await RunAsync("--version");
        Assert.Equal(0, exit);
        Assert.Contains("inkstone: building", errors, StringComparison.Ordinal);
        var calls = File.ReadAllLines(_log);
        Assert.Equal(2, calls.Length);
        Assert.StartsWith("build ", calls[0], StringComparison.Ordinal);
        Assert.Contains("-c Release", calls[0], StringComparison.Ordinal);
        Assert.Equal(Path.Combine(_checkout, "artifacts", "launcher", "Inkstone.Cli.dll") + " --version", calls[1]);
        Assert.Equal($"ran --version as {Path.Combine(_checkout, "inkstone")}\n", output);
    }

    [Fact]
    public async Task SecondRun_NothingChanged_RunsWithoutBuilding()
    {
        await RunAsync("--version");
        File.Delete(_log);
        var (exit, output, errors) = await RunAsync("text", "segment", "a b.txt");
        Assert.Equal(0, exit);
        Assert.Empty(errors);
        Assert.Single(File.ReadAllLines(_log));
        Assert.Contains("ran text segment a b.txt as ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("src/Inkstone.Cli/Program.cs")]
    [InlineData("src/Inkstone.Cli/Resources/new.prompt")]
    [InlineData("Directory.Build.props")]
    public async Task SourceNewerThanBuild_Rebuilds(string changed)
    {
        await RunAsync("--version");
        File.Delete(_log);
        var path = Path.Combine(_checkout, changed);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "changed");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var (exit, _, errors) = await RunAsync("--version");
        Assert.Equal(0, exit);
        Assert.Contains("inkstone: building", errors, StringComparison.Ordinal);
        Assert.StartsWith("build ", File.ReadAllLines(_log)[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildOutputNewerThanBuild_IsNotAChange()
    {
        await RunAsync("--version");
        File.Delete(_log);
        var debugOutput = Path.Combine(_checkout, "src", "Inkstone.Cli", "bin", "Debug", "Inkstone.Cli.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(debugOutput)!);
        File.WriteAllText(debugOutput, "x");
        File.SetLastWriteTimeUtc(debugOutput, DateTime.UtcNow.AddMinutes(1));
        var (_, _, errors) = await RunAsync("--version");
        Assert.Empty(errors);
        Assert.Single(File.ReadAllLines(_log));
    }

    [Fact]
    public async Task FailedBuild_ShowsEachErrorOnce_Exits2_RunsNothing()
    {
        var (exit, output, errors) = await RunAsync(new Dictionary<string, string> { ["FAKE_FAIL"] = "1" }, "--version");
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Single(errors.Split('\n'), l => l.Contains("error CS1002", StringComparison.Ordinal));
        Assert.Single(File.ReadAllLines(_log));
        // Nothing was built, so the next call tries again.
        var (again, _, _) = await RunAsync("--version");
        Assert.Equal(0, again);
    }

    private Task<(int Exit, string Output, string Errors)> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    private async Task<(int Exit, string Output, string Errors)> RunAsync(Dictionary<string, string> environment, params string[] args)
    {
        // Started from another folder, by a path with spaces: the launcher must find its checkout itself.
        var start = new ProcessStartInfo("bash") { WorkingDirectory = _root.FullName, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(_checkout, "inkstone"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["PATH"] = _bin + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["FAKE_LOG"] = _log;
        start.Environment.Remove("INKSTONE_COMMAND");
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await errors);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Inkstone.slnx"))) return dir.FullName;
        throw new InvalidOperationException("the repository root (Inkstone.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
