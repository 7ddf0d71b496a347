namespace Inkstone.Input;

/// <summary>
/// Why a JSON record was rejected by the input policy, located within the record: <see cref="Field"/> is the path of
/// the offending value (<c>metadata.genre</c>, <c>conversations[2].value</c>) when it is known, and
/// <see cref="ByteOffset"/> the 0-based offset in the record's bytes. Each reader turns it into its own located problem.
/// </summary>
public sealed record JsonInputProblem(JsonInputProblemKind Kind, string? Field, string Message, int ByteOffset);
