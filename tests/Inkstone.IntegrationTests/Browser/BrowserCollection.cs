namespace Inkstone.IntegrationTests.Browser;

/// <summary>
/// Test classes marked <c>[Collection(BrowserCollection.Name)]</c> share one Chromium (<see cref="BrowserFixture"/>);
/// each test opens its own session.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
