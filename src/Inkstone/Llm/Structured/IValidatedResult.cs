namespace Inkstone.Llm.Structured;

/// <summary>A typed model answer that checks its own ranges and required fields after deserialisation.</summary>
public interface IValidatedResult
{
    /// <summary>Every problem found, each naming its field; empty when the answer is usable.</summary>
    IReadOnlyList<string> Validate();
}
