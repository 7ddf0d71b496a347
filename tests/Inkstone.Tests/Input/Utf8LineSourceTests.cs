using System.Text;
using Inkstone.Input;
using Inkstone.Tests.Evaluation;

namespace Inkstone.Tests.Input;

public sealed class Utf8LineSourceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<string[]> Lines(byte[] content, int bufferSize)
    {
        var path = _dir.Combine($"{Guid.NewGuid():N}.txt");
        await File.WriteAllBytesAsync(path, content, TestContext.Current.CancellationToken);
        var lines = new List<string>();
        await foreach (var line in Utf8LineSource.ReadAsync(path, bufferSize, TestContext.Current.CancellationToken))
            lines.Add($"{line.Number}:{Encoding.UTF8.GetString(line.Bytes.Span)}");
        return [.. lines];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(1 << 16)]
    public async Task ReadAsync_AnyBufferSize_SplitsLikeStreamReader(int bufferSize)
    {
        var content = Encoding.UTF8.GetBytes("ab\r\n\r\ncdé\r\r\n\nfghij\n\r正文\r");
        Assert.Equal(["1:ab", "2:", "3:cdé", "4:", "5:", "6:fghij", "7:", "8:正文"], await Lines(content, bufferSize));
        Assert.Equal(["1:x", "2:y"], await Lines("x\ny"u8.ToArray(), bufferSize));
        Assert.Equal(["1:"], await Lines("\n"u8.ToArray(), bufferSize));
        Assert.Empty(await Lines([], bufferSize));
    }

    [Fact]
    public async Task ReadAsync_ByteOrderMarks_HonouredAtFileStartOnly()
    {
        Assert.Equal(["1:a", "2:\uFEFFb"], await Lines([0xEF, 0xBB, 0xBF, .. "a\n"u8, 0xEF, 0xBB, 0xBF, .. "b"u8], 4));
        Assert.Equal(["1:正", "2:b"], await Lines([.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes("正\r\nb")], 4));
        Assert.Equal(["1:正", "2:b"], await Lines([.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes("正\nb")], 4));
    }
}
