namespace Inkstone.Storage;

/// <summary>Who made a change: a person (annotator, reviewer, operator), a model, or the pipeline's own rules.</summary>
public enum ActorKind
{
    Person,
    Model,
    System,
}
