using Inkstone.Storage;

namespace Inkstone.Llm.Storage;

/// <summary>
/// The model layer's tables in the workspace database (module <c>llm</c>): the response cache and each run's usage.
/// Time stamps are ISO-8601 text in both dialects, so the stores read them the same way.
/// </summary>
public static class LlmSchema
{
    public const string Module = "llm";

    private const string Tables = """
        CREATE TABLE IF NOT EXISTS llm_response_cache (
            cache_key      TEXT PRIMARY KEY,
            model          TEXT NOT NULL,
            prompt         TEXT NOT NULL,
            response_json  TEXT NOT NULL,
            input_tokens   BIGINT NULL,
            output_tokens  BIGINT NULL,
            created_at     TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS llm_run_usage (
            run_id         TEXT NOT NULL,
            model          TEXT NOT NULL,
            calls          BIGINT NOT NULL,
            cache_hits     BIGINT NOT NULL,
            input_tokens   BIGINT NOT NULL,
            output_tokens  BIGINT NOT NULL,
            failures       BIGINT NOT NULL,
            recorded_at    TEXT NOT NULL,
            PRIMARY KEY (run_id, model)
        );
        """;

    // IF NOT EXISTS: databases written before the tables were migrations already hold them, created by the older
    // self-initialising stores with exactly these columns.
    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
    [
        new(Module, 1, "response cache and per-run usage", Tables, Tables),
    ];
}
