using System.CommandLine;
using System.Globalization;
using Inkstone.Cli.Conventions;
using Inkstone.Text.Scripts;

namespace Inkstone.Cli.Commands;

/// <summary>
/// The thresholds of the "contains Chinese text" rule (docs/text-metrics.md), spelled and documented once for every
/// verb that applies it (<c>text lengths</c>, <c>eval report</c>).
/// </summary>
public sealed class ContaminationRuleOptions
{
    private static readonly ChineseContentOptions s_defaults = new();

    public Option<int> MinHan { get; } = new("--min-han")
    {
        Description = "Contamination rule: at least this many Han characters.", DefaultValueFactory = _ => s_defaults.MinHanCharacters,
    };

    public Option<int> MinHanRun { get; } = new("--min-han-run")
    {
        Description = "Contamination rule: a run of at least this many consecutive Han characters.", DefaultValueFactory = _ => s_defaults.MinHanRun,
    };

    public Option<double> MinHanShare { get; } = new("--min-han-share")
    {
        Description = "Contamination rule: Han share of the letters at least this (0–1).", DefaultValueFactory = _ => s_defaults.MinHanShare,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(MinHan);
        command.Options.Add(MinHanRun);
        command.Options.Add(MinHanShare);
    }

    /// <summary>The thresholds given, validated: an out-of-range value is an input error (exit 2) naming the option.</summary>
    public ChineseContentOptions Read(ParseResult parse)
    {
        var options = new ChineseContentOptions
        {
            MinHanCharacters = parse.GetValue(MinHan), MinHanRun = parse.GetValue(MinHanRun), MinHanShare = parse.GetValue(MinHanShare),
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            var option = e.ParamName switch
            {
                nameof(ChineseContentOptions.MinHanCharacters) => MinHan,
                nameof(ChineseContentOptions.MinHanRun) => MinHanRun,
                _ => (Option)MinHanShare,
            };
            throw new CliInputException(string.Create(CultureInfo.InvariantCulture, $"{option.Name} {e.ActualValue}: {FirstLine(e.Message)}"), e);
        }
        return options;
    }

    // ArgumentOutOfRangeException appends the parameter and value on further lines.
    private static string FirstLine(string message) => message.Split('\n')[0].Split(" (Parameter", StringSplitOptions.None)[0].Trim();
}
