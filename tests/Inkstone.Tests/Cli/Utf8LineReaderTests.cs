using System.Text;
using Inkstone.Cli.Conventions;
using Inkstone.Cli.TextInput;

namespace Inkstone.Tests.Cli;

public sealed class Utf8LineReaderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(1 << 16)]
    public async Task ReadAsync_SplitsLikeStreamReader_AtAnyReadSize(int chunk)
    {
        const string text = "\uFEFFa\r\nb\rc\n\n中文\r\r\nlast";
        var lines = await ReadAsync(Encoding.UTF8.GetBytes(text), chunk);
        using var reader = new StringReader(text[1..]);
        var expected = new List<string>();
        while (reader.ReadLine() is { } line) expected.Add(line);
        Assert.Equal(expected, lines.Select(l => l.Text));
        Assert.Equal(Enumerable.Range(1, expected.Count), lines.Select(l => l.Number));
    }

    [Fact]
    public async Task ReadAsync_InvalidBytes_GiveALineWithoutTextAndTheOffset()
    {
        var lines = await ReadAsync([.. "ok\n"u8, .. "ab"u8, 0xE4, 0xB8, .. "\nnext"u8], 4);
        Assert.Equal(["ok", null, "next"], lines.Select(l => l.Text));
        Assert.Equal(2, lines[1].InvalidByteOffset);
    }

    [Fact]
    public async Task ReadAsync_SurrogateEncodedAsUtf8_IsInvalid()
    {
        var lines = await ReadAsync([0xED, 0xA0, 0x80, (byte)'\n'], 1 << 16);
        Assert.Null(Assert.Single(lines).Text);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'a', 0 }, "UTF-16")]
    [InlineData(new byte[] { (byte)'a', 0, (byte)'b', 0 }, "NUL bytes")]
    public async Task ReadAsync_NotUtf8Text_IsAnInputErrorNamingTheInput(byte[] bytes, string expected)
    {
        var error = await Assert.ThrowsAsync<CliInputException>(() => ReadAsync(bytes, 1 << 16));
        Assert.StartsWith("in.txt: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadRawAsync_KeepsEachLineBreak()
    {
        var bytes = "a\r\nb\rc\nd"u8.ToArray();
        using var stream = new ChunkedStream(bytes, 2);
        var copy = new List<byte>();
        await foreach (var line in Utf8LineReader.ReadRawAsync(stream, "in.txt", TestContext.Current.CancellationToken)) copy.AddRange(line.Bytes.ToArray());
        Assert.Equal(bytes, copy);
    }

    private static async Task<List<Utf8TextLine>> ReadAsync(byte[] bytes, int chunk)
    {
        using var stream = new ChunkedStream(bytes, chunk);
        var lines = new List<Utf8TextLine>();
        await foreach (var line in Utf8LineReader.ReadAsync(stream, "in.txt", TestContext.Current.CancellationToken)) lines.Add(line);
        return lines;
    }

    /// <summary>Returns at most <c>chunk</c> bytes per read, as a pipe may, so that line breaks fall across reads.</summary>
    private sealed class ChunkedStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
