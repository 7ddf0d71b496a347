namespace Inkstone.Taxonomy;

/// <summary>A taxonomy file that cannot be used; the message names the file and the offending entry.</summary>
public sealed class TaxonomyFormatException : Exception
{
    public TaxonomyFormatException(string message) : base(message) { }
    public TaxonomyFormatException(string message, Exception inner) : base(message, inner) { }
    public TaxonomyFormatException() { }
}
