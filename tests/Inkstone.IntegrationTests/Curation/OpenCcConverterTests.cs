using Inkstone.Curation.Ingest;
using Inkstone.IntegrationTests.Infrastructure;

namespace Inkstone.IntegrationTests.Curation;

/// <summary>Traditional → simplified through the real OpenCC tool (Debian package opencc).</summary>
public sealed class OpenCcConverterTests
{
    private static OpenCcConverter? TryLocate()
    {
        try { return OpenCcConverter.Locate(); }
        catch (InvalidOperationException) { return null; }
    }

    [Fact]
    public async Task ConvertAsync_BatchOfTraditionalTexts_SimplifiedInOrderWithLineBreaksKept()
    {
        var converter = TryLocate();
        RequiredService.Ensure(converter is not null, "the opencc command-line tool");
        var result = await converter!.ConvertAsync(["這是繁體字。", "第一行\n\n第二個段落", "English stays."], TestContext.Current.CancellationToken);
        Assert.Equal(["这是繁体字。", "第一行\n\n第二个段落", "English stays."], result);
    }

    [Fact]
    public void Locate_MissingProgram_ErrorNamesToolAndPackage()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => OpenCcConverter.Locate("opencc-that-does-not-exist"));
        Assert.Contains("apt-get install opencc", ex.Message, StringComparison.Ordinal);
    }
}
