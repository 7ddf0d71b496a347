namespace Inkstone.Statistics;

/// <summary>How many accepted records have a text length in [<see cref="Lower"/>, <see cref="UpperExclusive"/>), per field.</summary>
public sealed record LengthBucket(int Index, long Lower, long UpperExclusive, long Article, long Prompt, long Reasoning)
{
    public long this[TextField field] => field switch
    {
        TextField.Article => Article,
        TextField.Prompt => Prompt,
        TextField.Reasoning => Reasoning,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    public string Label => Index == 0 ? "0" : $"{Lower}–{UpperExclusive - 1}";
}
