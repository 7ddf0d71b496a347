namespace Inkstone.Text.NearDuplicates;

/// <summary>
/// Two documents whose estimated Jaccard similarity reached the threshold. <see cref="First"/> and
/// <see cref="Second"/> are document indexes (within one corpus First &lt; Second; against a reference corpus
/// First is the query document and Second the reference document). <see cref="ExactJaccard"/> is set once verified.
/// </summary>
public sealed record NearDuplicatePair(int First, int Second, double EstimatedJaccard, double? ExactJaccard = null);
