using System.CommandLine;
using System.Text;
using System.Globalization;
using Inkstone.Cli.Conventions;
using Inkstone.Cli.TextInput;
using Inkstone.Text.Segmentation;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone text segment</c>: cuts each input line (or a JSON field of each JSONL record) into jieba tokens.</summary>
public static class TextSegmentCommand
{
    private static readonly Dictionary<string, SegmentationMode> s_modes = new(StringComparer.Ordinal)
    {
        ["precise"] = SegmentationMode.Precise,
        ["precise-no-hmm"] = SegmentationMode.PreciseNoHmm,
        ["full"] = SegmentationMode.Full,
        ["search"] = SegmentationMode.Search,
        ["search-no-hmm"] = SegmentationMode.SearchNoHmm,
    };

    public static Command Create()
    {
        var command = new Command("segment",
            "Segment Chinese text into words exactly as Python jieba 0.42.1 does. Input: one text per line, or with --field one JSON object per line. " +
            "Output: one JSON array of tokens per input line (a failed record gives null), or with --data-format text the tokens joined by --separator.");
        var inputArgument = new Argument<FileInfo?>("input") { Description = "Input file (UTF-8); '-' or none reads standard input.", Arity = ArgumentArity.ZeroOrOne };
        inputArgument.Validators.Add(r =>
        {
            foreach (var token in r.Tokens)
                if (token.Value != "-" && PathValidation.FileProblem(token.Value) is { } problem) r.AddError(problem);
        });
        var fieldOption = new Option<string?>("--field") { Description = "Read each line as a JSON object (JSONL) and segment this string field." };
        var modeOption = new Option<string>("--mode")
        {
            Description = "precise (jieba.cut, default), precise-no-hmm (HMM=False), full (cut_all=True), search (cut_for_search), search-no-hmm.",
            DefaultValueFactory = _ => "precise",
        };
        modeOption.AcceptOnlyFromAmong([.. s_modes.Keys]);
        var userDictionaryOption = new Option<FileInfo[]>("--user-dict")
        {
            Description = "User dictionary in jieba's format (word [frequency] [tag] per line); may be repeated; applied in order.",
            AllowMultipleArgumentsPerToken = false,
        }.ExistingFiles();
        // The tokens are the data this verb produces, not a report: their format is --data-format (docs/cli.md).
        var formatOption = new Option<string>("--data-format")
        {
            Description = "Token output: jsonl (one JSON array of tokens per input line, default; json is the same) or text (tokens joined by --separator).",
            DefaultValueFactory = _ => "jsonl",
        };
        formatOption.AcceptOnlyFromAmong("jsonl", "json", "text");
        var separatorOption = new Option<string>("--separator") { Description = "Token separator for --data-format text.", DefaultValueFactory = _ => " / " };
        var strictOption = CommonOptions.Strict();
        command.Arguments.Add(inputArgument);
        command.Options.Add(fieldOption);
        command.Options.Add(modeOption);
        command.Options.Add(userDictionaryOption);
        command.Options.Add(formatOption);
        command.Options.Add(separatorOption);
        command.Options.Add(strictOption);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var input = parse.GetValue(inputArgument);
            var field = parse.GetValue(fieldOption);
            var mode = s_modes[parse.GetValue(modeOption)!];
            var text = parse.GetValue(formatOption) == "text";
            var separator = parse.GetValue(separatorOption)!;
            var strict = parse.GetValue(strictOption);
            var errors = parse.InvocationConfiguration.Error;

            var segmenter = JiebaSegmenter.Default;
            var userDictionaries = parse.GetValue(userDictionaryOption) ?? [];
            if (userDictionaries.Length > 0)
            {
                var dictionary = JiebaDictionary.LoadDefault();
                try
                {
                    foreach (var file in userDictionaries) await dictionary.LoadUserDictionaryAsync(file.FullName, cancellationToken);
                }
                catch (JiebaDictionaryFormatException e)
                {
                    throw new CliInputException(e.Message, e);
                }
                segmenter = new JiebaSegmenter(dictionary, JiebaHmmModel.Default);
            }

            var fromStandardInput = input is null || input.Name == "-";
            var source = fromStandardInput ? "<stdin>" : input!.FullName;
            await using var stream = fromStandardInput
                ? Console.OpenStandardInput()
                : new FileStream(input!.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
            // Console.Out flushes on every write; the raw stream with a large buffer is much faster for big inputs.
            var configured = parse.InvocationConfiguration.Output;
            await using var ownOutput = ReferenceEquals(configured, Console.Out) ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) : null;
            var output = ownOutput ?? configured;
            var lineBuffer = new StringBuilder();
            var tokens = new List<string>();
            var failures = 0;
            var lines = 0;
            string? firstProblem = null;
            await foreach (var line in Utf8LineReader.ReadAsync(stream, source, cancellationToken))
            {
                lines++;
                tokens.Clear();
                string? problem = null;
                var document = line.Text is null ? null : field is null ? line.Text : ReadField(line.Text, field, out problem);
                if (line.Text is null) problem = $"not valid UTF-8 (at byte {line.InvalidByteOffset + 1})";
                if (document is null)
                {
                    failures++;
                    var message = $"{source}:{line.Number}: {problem}";
                    if (strict) throw new CliInputException(message + " (--strict)");
                    await errors.WriteLineAsync(message);
                    firstProblem ??= $"line {line.Number}: {problem}";
                }
                else
                {
                    segmenter.Cut(document.AsSpan(), mode, tokens);
                }
                lineBuffer.Clear();
                if (text) { if (document is not null) lineBuffer.AppendJoin(separator, tokens); }
                else AppendJsonArray(lineBuffer, document is null ? null : tokens);
                lineBuffer.Append('\n');
                await output.WriteAsync(lineBuffer, cancellationToken);
            }
            await output.FlushAsync(cancellationToken);
            // Not one line readable: the input is of another kind (another encoding, not JSON Lines, a wrong --field).
            if (failures > 0 && failures == lines)
                throw new CliInputException($"{source}: none of its {lines} records could be read; the first: {firstProblem}");
            if (failures > 0) await errors.WriteLineAsync($"{failures} of {lines} records could not be read (written as {(text ? "empty lines" : "null")}).");
            return ExitCodes.FromRejections(failures);
        });
        return command;
    }

    private static string? ReadField(string line, string field, out string? problem)
    {
        (var text, _, problem) = JsonTextField.Read(line, field);
        return text;
    }

    /// <summary>
    /// Writes tokens as a JSON array with every character as is except those JSON requires escaping (quote,
    /// backslash, controls) and lone surrogates, so Chinese and characters outside the BMP stay readable.
    /// </summary>
    private static void AppendJsonArray(StringBuilder sb, List<string>? tokens)
    {
        if (tokens is null)
        {
            sb.Append("null");
            return;
        }
        sb.Append('[');
        for (var t = 0; t < tokens.Count; t++)
        {
            if (t > 0) sb.Append(',');
            sb.Append('"');
            var token = tokens[t];
            for (var i = 0; i < token.Length; i++)
            {
                var c = token[i];
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        var pair = char.IsHighSurrogate(c) && i + 1 < token.Length && char.IsLowSurrogate(token[i + 1]);
                        if (pair) sb.Append(c).Append(token[++i]);
                        else if (c < ' ' || char.IsSurrogate(c)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else sb.Append(c);
                        break;
                }
            }
            sb.Append('"');
        }
        sb.Append(']');
    }
}
