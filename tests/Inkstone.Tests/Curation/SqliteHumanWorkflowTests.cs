namespace Inkstone.Tests.Curation;

/// <summary>The pipeline tests on SQLite; the integration suite runs the same tests on PostgreSQL.</summary>
public sealed class SqliteHumanWorkflowTests : HumanWorkflowTests;
