using System.CommandLine;
using Inkstone.Cli.Conventions;

namespace Inkstone.Tests.Cli.Conventions;

public sealed class VerbGuardTests
{
    [Theory]
    [InlineData(typeof(FileNotFoundException), ExitCodes.InputError)]
    [InlineData(typeof(DirectoryNotFoundException), ExitCodes.InputError)]
    [InlineData(typeof(UnauthorizedAccessException), ExitCodes.InputError)]
    [InlineData(typeof(InvalidDataException), ExitCodes.InputError)]
    [InlineData(typeof(System.Text.Json.JsonException), ExitCodes.InputError)]
    [InlineData(typeof(NullReferenceException), ExitCodes.InternalError)]
    [InlineData(typeof(IndexOutOfRangeException), ExitCodes.InternalError)]
    public void Report_ExceptionKind_OneErrorLineAndDocumentedCode(Type type, int expected)
    {
        var exception = (Exception)Activator.CreateInstance(type, "something\nwent wrong")!;
        using var error = new StringWriter();

        var code = VerbGuard.Report(exception, error, verbose: false, cancelled: false);

        Assert.Equal(expected, code);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains("something went wrong", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_FileNotFoundWithName_NamesThePath()
    {
        using var error = new StringWriter();
        var code = VerbGuard.Report(new FileNotFoundException("Could not find file", "/data/nope.jsonl"), error, false, false);
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Equal("error: /data/nope.jsonl: no such file", error.ToString().TrimEnd());
    }

    [Fact]
    public void Report_EndpointUnavailable_CheckFailedWithTheCause()
    {
        using var error = new StringWriter();
        var code = VerbGuard.Report(new Inkstone.Llm.Backends.EndpointUnavailableException(new Uri("http://127.0.0.1:9/v1/"), "Connection refused"), error, false, false);
        Assert.Equal(ExitCodes.CheckFailed, code);
        Assert.Contains("http://127.0.0.1:9/v1/ is unavailable: Connection refused", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_Verbose_AddsTheStackTrace()
    {
        using var error = new StringWriter();
        Exception thrown;
        try { throw new InvalidOperationException("boom"); }
        catch (InvalidOperationException e) { thrown = e; }
        VerbGuard.Report(thrown, error, verbose: true, cancelled: false);
        Assert.Contains("   at ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_CancellationRequested_Interrupted()
    {
        using var error = new StringWriter();
        Assert.Equal(ExitCodes.Interrupted, VerbGuard.Report(new OperationCanceledException(), error, false, cancelled: true));
        Assert.Contains("interrupted", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_CliInputExceptionWithCode_KeepsItsCode()
    {
        using var error = new StringWriter();
        Assert.Equal(ExitCodes.CheckFailed, VerbGuard.Report(new CliInputException("fit did not converge", ExitCodes.CheckFailed), error, false, false));
        Assert.Equal("error: fit did not converge", error.ToString().TrimEnd());
    }

    [Fact]
    public async Task Apply_ThrowingSyncAndAsyncActions_GuardedEverywhereInTheTree()
    {
        var root = new RootCommand("test");
        root.Options.Add(VerbGuard.Verbose);
        var group = new Command("group");
        var sync = new Command("sync");
        sync.SetAction(int (_) => throw new FileNotFoundException("x", "/a/b.json"));
        var async = new Command("async");
        async.SetAction((_, _) => throw new InvalidOperationException("bad state"));
        group.Subcommands.Add(sync);
        group.Subcommands.Add(async);
        root.Subcommands.Add(group);
        VerbGuard.Apply(root);

        using var error = new StringWriter();
        var configuration = new InvocationConfiguration { Error = error, Output = TextWriter.Null };
        Assert.Equal(ExitCodes.InputError, await root.Parse(["group", "sync"]).InvokeAsync(configuration, TestContext.Current.CancellationToken));
        Assert.Equal(ExitCodes.InputError, await root.Parse(["group", "async"]).InvokeAsync(configuration, TestContext.Current.CancellationToken));
        Assert.Equal("error: /a/b.json: no such file\nerror: bad state\n", error.ToString().ReplaceLineEndings("\n"));
    }
}
