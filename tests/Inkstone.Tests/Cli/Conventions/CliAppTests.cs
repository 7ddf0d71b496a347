using Inkstone.Cli.Conventions;

namespace Inkstone.Tests.Cli.Conventions;

[Collection(ConsoleCollection.Name)]
public sealed class CliAppTests
{
    [Fact]
    public async Task InvokeAsync_UnknownOption_UsageErrorExit2WithHelpPointer()
    {
        var result = await CliRunner.RunAsync("status", "--no-such-option");
        Assert.Equal(ExitCodes.InputError, result.Exit);
        Assert.Contains("error: ", result.Errors, StringComparison.Ordinal);
        Assert.Contains("--no-such-option", result.Errors, StringComparison.Ordinal);
        Assert.Contains("see 'inkstone status --help'", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_Help_Exit0()
    {
        var result = await CliRunner.RunAsync("--help");
        Assert.Equal(ExitCodes.Success, result.Exit);
        Assert.Contains("Inkstone", result.Output, StringComparison.Ordinal);
    }
}
