namespace Inkstone.Storage;

/// <summary>The author of a state change: a person's id, a model id with its prompt version, or a rule set with its version.</summary>
public sealed record Actor(ActorKind Kind, string Name, string? PromptVersion = null)
{
    public static Actor Person(string id) => new(ActorKind.Person, id);

    public static Actor Model(string modelId, string promptVersion) => new(ActorKind.Model, modelId, promptVersion);

    public static Actor System(string component) => new(ActorKind.System, component);

    public override string ToString() => PromptVersion is null ? $"{Kind.ToString().ToLowerInvariant()}:{Name}" : $"{Kind.ToString().ToLowerInvariant()}:{Name}@{PromptVersion}";
}
