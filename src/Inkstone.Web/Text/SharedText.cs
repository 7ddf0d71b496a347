namespace Inkstone.Web.Text;

/// <summary>
/// Texts shared by every page (layout, sign-in, errors). <c>SharedText.resx</c> is Simplified Chinese (the neutral
/// language), <c>SharedText.en.resx</c> English; a test holds the two to the same keys.
/// </summary>
public sealed class SharedText;
