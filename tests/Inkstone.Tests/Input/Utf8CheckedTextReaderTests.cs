using Inkstone.Input;

namespace Inkstone.Tests.Input;

public sealed class Utf8CheckedTextReaderTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void Read_GivesTheTextAndRemembersTheLinesThatAreNotUtf8()
    {
        File.WriteAllBytes(_file, [0xEF, 0xBB, 0xBF, .. "a,宋\n"u8, (byte)'b', 0xFF, (byte)'\n', .. "c"u8]);
        using var reader = new Utf8CheckedTextReader(_file);

        var text = reader.ReadToEnd();

        Assert.Equal("a,宋\nb\uFFFD\nc", text);
        Assert.Null(reader.DescribeInvalid(1, 1));
        Assert.Equal("invalid UTF-8 on line 2 at byte 2 (0xFF)", reader.DescribeInvalid(1, 3));
        Assert.True(reader.TryGetInvalidByte(2, out var at, out var value));
        Assert.Equal((2, (byte)0xFF), (at, value));
    }
}
