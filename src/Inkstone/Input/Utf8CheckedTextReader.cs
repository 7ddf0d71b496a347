using System.Text;
using System.Text.Unicode;

namespace Inkstone.Input;

/// <summary>
/// A text reader for CSV files that applies the input policy to text that has no escapes: it decodes one
/// <c>\n</c>-terminated line at a time and remembers the lines whose bytes are not valid UTF-8, so a CSV reader can
/// reject exactly the records that span them (with the line and byte) instead of reading U+FFFD in their place.
/// The file's byte order mark is honoured as <see cref="Utf8LineSource"/> does.
/// </summary>
public sealed class Utf8CheckedTextReader : TextReader
{
    private readonly Stream _stream;
    private readonly Dictionary<int, (int Byte, byte Value)> _invalidLines = [];
    private byte[] _bytes = new byte[1 << 16];
    private int _byteStart, _byteEnd;
    private bool _eof;
    private char[] _chars = new char[1 << 12];
    private int _charPos, _charEnd;
    private int _nextLine = 1;

    public Utf8CheckedTextReader(string path)
    {
        _stream = Utf8LineSource.OpenAsUtf8(path);
    }

    /// <summary>The first invalid byte of <paramref name="line"/> (1-based byte in line), when it has one.</summary>
    public bool TryGetInvalidByte(int line, out int byteInLine, out byte value)
    {
        var found = _invalidLines.TryGetValue(line, out var invalid);
        (byteInLine, value) = invalid;
        return found;
    }

    /// <summary>The first line in <paramref name="first"/>..<paramref name="last"/> that is not valid UTF-8, or null.</summary>
    public string? DescribeInvalid(int first, int last)
    {
        for (var line = first; line <= last; line++)
        {
            if (TryGetInvalidByte(line, out var b, out var value))
                return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"invalid UTF-8 on line {line} at byte {b} (0x{value:X2})");
        }
        return null;
    }

    public override int Peek() => _charPos < _charEnd || Fill() ? _chars[_charPos] : -1;

    public override int Read() => _charPos < _charEnd || Fill() ? _chars[_charPos++] : -1;

    private bool Fill()
    {
        while (true)
        {
            var newline = _bytes.AsSpan(_byteStart, _byteEnd - _byteStart).IndexOf((byte)'\n');
            int end;
            if (newline >= 0) end = _byteStart + newline + 1;
            else if (_eof)
            {
                if (_byteStart == _byteEnd) return false;
                end = _byteEnd;
            }
            else
            {
                ReadMore();
                continue;
            }
            Decode(_bytes.AsSpan(_byteStart, end - _byteStart));
            _byteStart = end;
            return true;
        }
    }

    private void ReadMore()
    {
        if (_byteStart > 0)
        {
            _bytes.AsSpan(_byteStart, _byteEnd - _byteStart).CopyTo(_bytes);
            _byteEnd -= _byteStart;
            _byteStart = 0;
        }
        if (_byteEnd == _bytes.Length) Array.Resize(ref _bytes, _bytes.Length * 2);
        var read = _stream.Read(_bytes.AsSpan(_byteEnd));
        if (read == 0) _eof = true;
        else _byteEnd += read;
    }

    private void Decode(ReadOnlySpan<byte> line)
    {
        var number = _nextLine++;
        if (!Utf8.IsValid(line))
        {
            var offset = JsonRecordParser.FindInvalidUtf8(line);
            _invalidLines[number] = (offset + 1, line[offset]);
        }
        if (_chars.Length < line.Length) _chars = new char[line.Length];
        Utf8.ToUtf16(line, _chars, out _, out _charEnd, replaceInvalidSequences: true);
        _charPos = 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _stream.Dispose();
        base.Dispose(disposing);
    }
}
