namespace Inkstone.IntegrationTests.Browser;

/// <summary>One axe rule a page breaks, with the CSS selectors of the offending elements.</summary>
public sealed record AxeViolation(string Rule, string Impact, string Help, IReadOnlyList<string> Targets)
{
    public override string ToString() => $"{Impact} {Rule}: {Help} [{string.Join(", ", Targets)}]";
}
