namespace Inkstone.Training;

/// <summary>
/// One rendered supervised fine-tuning sample: an optional system prompt and user/assistant turns that alternate,
/// starting with the user. <see cref="Id"/> is <c>cw:{triplet id}</c> or <c>general:{file}:{line}</c>.
/// </summary>
public sealed record SftSample(string Id, SampleOrigin Origin, string? GenreId, string? System, IReadOnlyList<ChatTurn> Turns);
