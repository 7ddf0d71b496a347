namespace Inkstone.Storage;

/// <summary>A row of <c>schema_migrations</c>.</summary>
public sealed record AppliedMigration(string Module, int Version, string Name, DateTimeOffset AppliedAt);
