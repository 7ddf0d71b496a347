namespace Inkstone.Storage;

/// <summary>The curation module's tables. Add changes as new versions; never edit an applied one.</summary>
public static class CurationSchema
{
    public const string Module = "curation";

    private const string ItemsBody = """
            id TEXT PRIMARY KEY,
            state TEXT NOT NULL,
            reason_code TEXT NULL,
            reason TEXT NULL,
            return_state TEXT NULL,
            version BIGINT NOT NULL,
            text TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            char_count INTEGER NOT NULL,
            source_file TEXT NOT NULL,
            source_record TEXT NOT NULL,
            title TEXT NULL,
            genre TEXT NULL,
            url TEXT NULL,
            platform TEXT NULL,
            author TEXT NULL,
            published_at TEXT NULL,
            likes BIGINT NULL,
            shares BIGINT NULL,
            comments BIGINT NULL,
            needs_specialist INTEGER NOT NULL DEFAULT 0,
            review_round INTEGER NOT NULL DEFAULT 0,
            claimed_by TEXT NULL,
            claimed_until TEXT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        """;

    private const string Common = """
        CREATE INDEX ix_curation_items_state ON curation_items (state, id);
        CREATE TABLE curation_content_hashes (text_hash TEXT PRIMARY KEY, item_id TEXT NOT NULL);
        CREATE INDEX ix_curation_audit_item ON curation_audit (item_id, seq);
        CREATE TABLE curation_artifacts (
            item_id TEXT NOT NULL REFERENCES curation_items (id),
            kind TEXT NOT NULL,
            revision BIGINT NOT NULL,
            content TEXT NOT NULL,
            actor_kind TEXT NOT NULL,
            actor TEXT NOT NULL,
            prompt_version TEXT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (item_id, kind, revision));
        CREATE TABLE curation_reviews (
            item_id TEXT NOT NULL REFERENCES curation_items (id),
            round INTEGER NOT NULL,
            reviewer TEXT NOT NULL,
            assigned_at TEXT NOT NULL,
            decision TEXT NULL,
            reason_code TEXT NULL,
            comment TEXT NULL,
            decided_at TEXT NULL,
            PRIMARY KEY (item_id, round, reviewer));
        """;

    private const string AuditBody = """
            item_id TEXT NOT NULL,
            from_state TEXT NULL,
            to_state TEXT NOT NULL,
            reason_code TEXT NULL,
            reason TEXT NULL,
            actor_kind TEXT NOT NULL,
            actor TEXT NOT NULL,
            prompt_version TEXT NULL,
            run_id TEXT NULL,
            at TEXT NOT NULL
        """;

    private const string ErrorsBody = """
            source_file TEXT NOT NULL,
            source_record TEXT NOT NULL,
            field TEXT NULL,
            message TEXT NOT NULL,
            run_id TEXT NULL,
            at TEXT NOT NULL
        """;

    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
    [
        new(Module, 1, "items, content hashes, audit, artifacts, reviews, ingest errors",
            Sqlite: $"""
                CREATE TABLE curation_items ({ItemsBody}, signature BLOB NULL);
                CREATE TABLE curation_audit (seq INTEGER PRIMARY KEY AUTOINCREMENT, {AuditBody});
                CREATE TABLE curation_ingest_errors (seq INTEGER PRIMARY KEY AUTOINCREMENT, {ErrorsBody});
                {Common}
                """,
            Postgres: $"""
                CREATE TABLE curation_items ({ItemsBody}, signature BYTEA NULL);
                CREATE TABLE curation_audit (seq BIGSERIAL PRIMARY KEY, {AuditBody});
                CREATE TABLE curation_ingest_errors (seq BIGSERIAL PRIMARY KEY, {ErrorsBody});
                {Common}
                """),
        // The near-duplicate index in the database instead of the ingesting process: memory flat in corpus size, and
        // concurrent ingest processes see each other's texts. Items stored before this version get their band keys on
        // the next ingest (the store fills them in when it finds signatures but no keys).
        new(Module, 2, "near-duplicate LSH band keys",
            Sqlite: "CREATE TABLE curation_near_dup_bands (band INTEGER NOT NULL, hash BIGINT NOT NULL, item_id TEXT NOT NULL, PRIMARY KEY (band, hash, item_id)) WITHOUT ROWID;",
            Postgres: "CREATE TABLE curation_near_dup_bands (band INTEGER NOT NULL, hash BIGINT NOT NULL, item_id TEXT NOT NULL, PRIMARY KEY (band, hash, item_id));"),
        // Texts and signatures, written once, apart from the item rows that every claim and transition rewrites: an
        // update then copies a few hundred bytes instead of the whole article (SQLite rewrites the entire row).
        // New band keys go to a small table merged into the large one in key order now and then: random inserts into
        // the large table touched most of its pages in every ingest batch, so each batch rewrote the whole index.
        new(Module, 3, "item texts apart from item state; two-level near-duplicate band index",
            Sqlite: """
                CREATE TABLE curation_item_texts (item_id TEXT PRIMARY KEY REFERENCES curation_items (id), text TEXT NOT NULL, signature BLOB NULL);
                INSERT INTO curation_item_texts (item_id, text, signature) SELECT id, text, signature FROM curation_items;
                ALTER TABLE curation_items DROP COLUMN text;
                ALTER TABLE curation_items DROP COLUMN signature;
                CREATE TABLE curation_near_dup_recent (band INTEGER NOT NULL, hash BIGINT NOT NULL, item_id TEXT NOT NULL, PRIMARY KEY (band, hash, item_id)) WITHOUT ROWID;
                CREATE TABLE curation_near_dup_state (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), recent_rows BIGINT NOT NULL);
                INSERT INTO curation_near_dup_state (singleton, recent_rows) VALUES (1, 0);
                """,
            Postgres: """
                CREATE TABLE curation_item_texts (item_id TEXT PRIMARY KEY REFERENCES curation_items (id), text TEXT NOT NULL, signature BYTEA NULL);
                INSERT INTO curation_item_texts (item_id, text, signature) SELECT id, text, signature FROM curation_items;
                ALTER TABLE curation_items DROP COLUMN text;
                ALTER TABLE curation_items DROP COLUMN signature;
                CREATE TABLE curation_near_dup_recent (band INTEGER NOT NULL, hash BIGINT NOT NULL, item_id TEXT NOT NULL, PRIMARY KEY (band, hash, item_id));
                CREATE TABLE curation_near_dup_state (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), recent_rows BIGINT NOT NULL);
                INSERT INTO curation_near_dup_state (singleton, recent_rows) VALUES (1, 0);
                """),
        // An ingest error is keyed to its source (file, record, field, message): re-ingesting a file records its
        // problems once, and warnings (records stored as they are) are told from errors.
        new(Module, 4, "ingest errors keyed to their source; warnings apart from errors",
            Sqlite: IngestErrorKeys,
            Postgres: IngestErrorKeys),
    ];

    private const string IngestErrorKeys = """
        ALTER TABLE curation_ingest_errors ADD COLUMN severity TEXT NOT NULL DEFAULT 'error';
        UPDATE curation_ingest_errors SET severity = 'warning' WHERE field = 'genre' AND message LIKE '%; kept as written';
        DELETE FROM curation_ingest_errors WHERE seq NOT IN
            (SELECT MIN(seq) FROM curation_ingest_errors GROUP BY source_file, source_record, COALESCE(field, ''), message);
        CREATE UNIQUE INDEX curation_ingest_errors_source ON curation_ingest_errors (source_file, source_record, (COALESCE(field, '')), message);
        """;
}
