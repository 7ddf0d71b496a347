// Reads a Parquet file with DuckDB and prints, as JSON: the row count, the column types, and every row's
// id, genre, scores, metadata and code-point lengths of the three texts (DuckDB's length() counts code points).
// Usage: node duckdb-read-parquet.mjs FILE.parquet
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2];
if (!file) { console.error('usage: node duckdb-read-parquet.mjs FILE.parquet'); process.exit(2); }
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const quoted = "'" + file.replaceAll("'", "''") + "'";
const run = async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJson();
const count = await run(`SELECT count(*) AS n FROM read_parquet(${quoted})`);
const columns = await run(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(${quoted}))`);
const rows = await run(`SELECT id, query, genre, quality_score, creativity_score, thought_creativity_score, metadata,
  CAST(length(query) AS INTEGER) AS query_length, CAST(length(thought) AS INTEGER) AS thought_length,
  CAST(length(answer) AS INTEGER) AS answer_length
  FROM read_parquet(${quoted}) ORDER BY id`);
console.log(JSON.stringify({ count: Number(count[0].n), columns, rows }));
