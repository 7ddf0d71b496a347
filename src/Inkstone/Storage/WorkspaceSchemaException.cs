namespace Inkstone.Storage;

/// <summary>The workspace database cannot be used by this build (e.g. its schema is newer than the code).</summary>
public sealed class WorkspaceSchemaException : Exception
{
    public WorkspaceSchemaException(string message) : base(message) { }

    public WorkspaceSchemaException(string message, Exception inner) : base(message, inner) { }

    public WorkspaceSchemaException() { }
}
