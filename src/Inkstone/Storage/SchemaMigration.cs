namespace Inkstone.Storage;

/// <summary>
/// One versioned schema change of one module. Modules own their tables and number their migrations
/// independently (the pair module + version is the key in <c>schema_migrations</c>), so that the model layer,
/// the evaluation engine and curation add tables without coordinating version numbers.
/// </summary>
/// <param name="Module">Owner, e.g. <c>curation</c>, <c>llm</c>, <c>evaluation</c>.</param>
/// <param name="Version">1, 2, 3… within the module; applied in ascending order, each once.</param>
/// <param name="Name">Short description, recorded with the version.</param>
/// <param name="Sqlite">SQL for SQLite (several statements allowed).</param>
/// <param name="Postgres">SQL for PostgreSQL (several statements allowed).</param>
public sealed record SchemaMigration(string Module, int Version, string Name, string Sqlite, string Postgres)
{
    public string SqlFor(StoreDialect dialect) => dialect == StoreDialect.Sqlite ? Sqlite : Postgres;
}
