using Inkstone.Storage;

namespace Inkstone.Team;

/// <summary>The team module's tables: people, invitations, work in progress, skips, guidelines, gold items,
/// calibration answers and team events. Add changes as new versions; never edit an applied one.</summary>
public static class TeamSchema
{
    public const string Module = "team";

    private const string Tables = """
        CREATE TABLE team_people (
            id TEXT PRIMARY KEY,
            display_name TEXT NOT NULL,
            roles TEXT NOT NULL,
            password_hash TEXT NULL,
            disabled INTEGER NOT NULL DEFAULT 0,
            security_stamp TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL);
        CREATE TABLE team_invitations (
            token_hash TEXT PRIMARY KEY,
            person_id TEXT NOT NULL REFERENCES team_people (id),
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            used_at TEXT NULL);
        CREATE TABLE team_work (
            item_id TEXT NOT NULL,
            person_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            content TEXT NOT NULL,
            revision BIGINT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (item_id, person_id, kind));
        CREATE TABLE team_skips (
            item_id TEXT NOT NULL,
            person_id TEXT NOT NULL,
            reason TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (item_id, person_id));
        CREATE TABLE team_guidelines (
            kind TEXT NOT NULL,
            version INTEGER NOT NULL,
            markdown TEXT NOT NULL,
            published_by TEXT NOT NULL,
            published_at TEXT NOT NULL,
            PRIMARY KEY (kind, version));
        CREATE TABLE team_gold (
            item_id TEXT PRIMARY KEY,
            decision TEXT NULL,
            scores TEXT NULL,
            note TEXT NULL,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL);
        CREATE TABLE team_calibration (
            person_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            decision TEXT NULL,
            scores TEXT NULL,
            submitted_at TEXT NOT NULL,
            PRIMARY KEY (person_id, item_id));
        CREATE INDEX ix_curation_items_claimed_by ON curation_items (claimed_by);
        """;

    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
    [
        new(Module, 1, "people, invitations, work in progress, skips, guidelines, gold items, calibration, team events",
            Sqlite: Tables + "CREATE TABLE team_events (seq INTEGER PRIMARY KEY AUTOINCREMENT, action TEXT NOT NULL, subject TEXT NOT NULL, actor TEXT NOT NULL, detail TEXT NULL, at TEXT NOT NULL);",
            Postgres: Tables + "CREATE TABLE team_events (seq BIGSERIAL PRIMARY KEY, action TEXT NOT NULL, subject TEXT NOT NULL, actor TEXT NOT NULL, detail TEXT NULL, at TEXT NOT NULL);"),
    ];
}
