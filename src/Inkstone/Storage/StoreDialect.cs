namespace Inkstone.Storage;

/// <summary>The SQL dialect of a workspace database.</summary>
public enum StoreDialect
{
    Sqlite,
    Postgres,
}
