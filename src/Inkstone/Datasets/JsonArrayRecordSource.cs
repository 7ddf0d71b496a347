using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Inkstone.Datasets;

/// <summary>
/// Splits a top-level JSON array into its elements without parsing the whole file: a byte scanner tracks strings,
/// escapes and nesting depth, so an element whose content is malformed but whose brackets balance is reported on
/// its own and the elements after it still load. Memory is one buffer as large as the largest element.
/// </summary>
internal sealed class JsonArrayRecordSource
{
    private enum State { BeforeArray, BeforeElement, InElement, AfterArray }

    // Bytes that can change the scanner's state inside and outside strings; everything between them is skipped in bulk.
    private static readonly SearchValues<byte> s_stringStops = SearchValues.Create("\"\\\n"u8);
    private static readonly SearchValues<byte> s_structuralStops = SearchValues.Create("\"{}[],\n"u8);

    private enum Step { NeedMore, Element, Done, Problem }

    private readonly string _file;
    private byte[] _buffer = new byte[1 << 16];
    private int _pos, _end, _elementStart = -1, _depth, _lineStart, _elementColumn;
    private bool _inString, _escape, _eof;
    private long _line, _elementLine;
    private State _state = State.BeforeArray;
    private ReadOnlyMemory<byte> _element;
    private bool _elementUnterminated;
    private DatasetProblem? _problem;

    private JsonArrayRecordSource(string file, long firstLine)
    {
        _file = file;
        _line = firstLine;
    }

    public static async IAsyncEnumerable<RecordSlice> ReadAsync(Stream stream, string file, long firstLine, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var source = new JsonArrayRecordSource(file, firstLine);
        while (true)
        {
            switch (source.Scan())
            {
                case Step.NeedMore:
                    await source.FillAsync(stream, cancellationToken).ConfigureAwait(false);
                    break;
                case Step.Element:
                    yield return new RecordSlice(source._element, source._elementLine, null, source._elementUnterminated, ColumnOffset: source._elementColumn);
                    if (source._elementUnterminated) yield break;
                    break;
                case Step.Problem:
                    yield return new RecordSlice(default, source._problem!.Line, null, FileProblem: source._problem);
                    yield break;
                default:
                    yield break;
            }
        }
    }

    private async ValueTask FillAsync(Stream stream, CancellationToken cancellationToken)
    {
        var keep = _elementStart >= 0 ? _elementStart : _pos;
        if (keep > 0)
        {
            Buffer.BlockCopy(_buffer, keep, _buffer, 0, _end - keep);
            _end -= keep;
            _pos -= keep;
            _lineStart -= keep;
            if (_elementStart >= 0) _elementStart -= keep;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0) _eof = true;
        _end += read;
    }

    private Step Scan()
    {
        while (true)
        {
            if (_pos == _end)
            {
                if (!_eof) return Step.NeedMore;
                return AtEndOfFile();
            }

            var b = _buffer[_pos];
            switch (_state)
            {
                case State.BeforeArray:
                case State.BeforeElement:
                case State.AfterArray:
                    if (b == (byte)'\n') { _line++; _lineStart = ++_pos; continue; }
                    if (b is (byte)' ' or (byte)'\t' or (byte)'\r') { _pos++; continue; }
                    if (_state == State.BeforeArray)
                    {
                        if (b != (byte)'[') return Fail($"expected '[' (a JSON array of records), found {Describe(b)}");
                        _state = State.BeforeElement;
                        _pos++;
                        continue;
                    }
                    if (_state == State.AfterArray) return Fail($"unexpected {Describe(b)} after the closing ']' of the array");
                    if (b == (byte)']')
                    {
                        _state = State.AfterArray;
                        _pos++;
                        continue;
                    }
                    _state = State.InElement;
                    _elementStart = _pos;
                    _elementLine = _line;
                    _elementColumn = _pos - _lineStart;
                    _depth = 0;
                    _inString = _escape = false;
                    continue;

                default:
                    if (ScanElement()) return Step.Element;
                    continue;
            }
        }
    }

    /// <summary>Advances through the current element; true when it ended at a ',' or ']' at depth 0.</summary>
    private bool ScanElement()
    {
        while (_pos < _end)
        {
            var rest = _buffer.AsSpan(_pos, _end - _pos);
            if (_escape)
            {
                _escape = false;
                if (rest[0] == (byte)'\n') NewLineAt(_pos);
                _pos++;
                continue;
            }
            var skip = rest.IndexOfAny(_inString ? s_stringStops : s_structuralStops);
            if (skip < 0)
            {
                _pos = _end;
                return false;
            }
            _pos += skip;
            var b = _buffer[_pos];
            if (b == (byte)'\n')
            {
                NewLineAt(_pos);
            }
            else if (_inString)
            {
                if (b == (byte)'\\') _escape = true;
                else _inString = false;
            }
            else
            {
                switch (b)
                {
                    case (byte)'"': _inString = true; break;
                    case (byte)'{' or (byte)'[': _depth++; break;
                    case (byte)'}': _depth--; break;
                    case (byte)']' when _depth > 0: _depth--; break;
                    default: // ',' or ']' at depth 0
                        if (_depth > 0) break;
                        EndElement(_pos, unterminated: false);
                        _state = b == (byte)',' ? State.BeforeElement : State.AfterArray;
                        _pos++;
                        return true;
                }
            }
            _pos++;
        }
        return false;
    }

    private void NewLineAt(int position)
    {
        _line++;
        _lineStart = position + 1;
    }

    private void EndElement(int endExclusive, bool unterminated)
    {
        var length = endExclusive - _elementStart;
        while (length > 0 && _buffer[_elementStart + length - 1] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') length--;
        _element = _buffer.AsMemory(_elementStart, length);
        _elementUnterminated = unterminated;
        _elementStart = -1;
    }

    private Step AtEndOfFile()
    {
        switch (_state)
        {
            case State.BeforeArray:
            case State.AfterArray:
                return Step.Done;
            case State.InElement when _elementStart >= 0:
                EndElement(_end, unterminated: true);
                _state = State.AfterArray;
                return Step.Element;
            default:
                return Fail("end of file before the closing ']' of the array");
        }
    }

    private Step Fail(string message)
    {
        _problem = new DatasetProblem
        {
            File = _file,
            Line = _line,
            Kind = DatasetProblemKind.UnreadableFile,
            Message = message,
        };
        return Step.Problem;
    }

    private static string Describe(byte b) => b is >= 0x20 and < 0x7F
        ? string.Create(CultureInfo.InvariantCulture, $"'{(char)b}'")
        : string.Create(CultureInfo.InvariantCulture, $"byte 0x{b:X2}");
}
