namespace Inkstone.IntegrationTests.Browser;

/// <summary>A request the page made that <see cref="NetworkPolicy"/> refused (resource type as Playwright names it).</summary>
public sealed record BlockedRequest(string Url, string ResourceType);
