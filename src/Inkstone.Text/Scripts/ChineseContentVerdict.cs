namespace Inkstone.Text.Scripts;

/// <summary>The outcome of <see cref="ChineseContentRule"/> for one text, with the counts behind it.</summary>
public sealed record ChineseContentVerdict(bool ContainsChinese, ScriptProfile Profile, int LongestHanRun);
