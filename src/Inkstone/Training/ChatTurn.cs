namespace Inkstone.Training;

/// <summary>One message of a chat sample.</summary>
public sealed record ChatTurn(ChatRole Role, string Content);
