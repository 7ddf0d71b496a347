namespace Inkstone.IntegrationTests.Browser;

/// <summary>Tests that need a browser without any CJK font (<see cref="LatinFontsBrowserFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class LatinFontsCollection : ICollectionFixture<LatinFontsBrowserFixture>
{
    public const string Name = "Browser without CJK fonts";
}
