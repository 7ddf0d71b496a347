namespace Inkstone.Statistics;

/// <summary>The three texts of a triplet, named as in the paper's tables.</summary>
public enum TextField
{
    /// <summary>The article (<c>answer</c>).</summary>
    Article,

    /// <summary>The reverse inspiration prompt (<c>query</c>).</summary>
    Prompt,

    /// <summary>The reasoning process (<c>thought</c>).</summary>
    Reasoning,
}
