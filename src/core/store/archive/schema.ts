// The archive's tables, created and migrated by `grounded archive load` (never by a reader).
// Each migration runs once, in order, in one transaction; the version reached is kept in grounded_meta.
import type { PoolClient } from "pg";

/** Role granted read access to the archive: writers' logins are members of it. */
export const READER_ROLE = "grounded_reader";

const MIGRATIONS: readonly string[] = [
  // 1: documents with their lines and statistics, sentences for search, figures for retrieval.
  `CREATE TABLE documents (
     id serial PRIMARY KEY,
     path text NOT NULL UNIQUE,
     hash text NOT NULL,
     title text NOT NULL,
     date jsonb,
     lines text[] NOT NULL,
     line_count integer NOT NULL,
     -- Decided over the whole document: a check reads back only some of its paragraphs.
     hard_wrapped boolean NOT NULL,
     size integer NOT NULL,
     mtime double precision NOT NULL,
     sentence_count integer NOT NULL,
     -- What the document adds to the corpus statistics: its terms with how many of its sentences use
     -- each, the words it writes in lower case, and its name mentions in order (before aliases settle).
     terms text[] NOT NULL,
     term_sentences integer[] NOT NULL,
     lowercase_words text[] NOT NULL,
     names jsonb NOT NULL
   );
   CREATE TABLE sentences (
     document integer NOT NULL REFERENCES documents ON DELETE CASCADE,
     line integer NOT NULL,
     start_column integer NOT NULL,
     end_column integer NOT NULL,
     text text NOT NULL,
     search tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED
   );
   CREATE INDEX sentences_search ON sentences USING gin (search);
   CREATE INDEX sentences_document ON sentences (document);
   CREATE TABLE figures (
     document integer NOT NULL REFERENCES documents ON DELETE CASCADE,
     kind text NOT NULL,
     text text NOT NULL,
     shown text NOT NULL,
     value double precision NOT NULL,
     upper double precision,
     unit text NOT NULL,
     qualifier text NOT NULL,
     time_from integer NOT NULL,
     time_to integer NOT NULL,
     time_text text,
     target boolean NOT NULL,
     -- Context terms with their weights (entity terms keyed as extracted, before aliases settle),
     -- and the same terms prefixed with the kind ("moneytrade"), which retrieval looks up.
     terms text[] NOT NULL,
     weights double precision[] NOT NULL,
     keys text[] NOT NULL,
     line integer NOT NULL,
     -- The paragraph holding the figure: its first line and its lines (what a check reads back).
     block_line integer NOT NULL,
     line_text text NOT NULL,
     sentence text NOT NULL,
     about text NOT NULL
   );
   CREATE INDEX figures_keys ON figures USING gin (keys);
   CREATE INDEX figures_document ON figures (document, line);
   CREATE TABLE titled_mentions (
     document integer NOT NULL REFERENCES documents ON DELETE CASCADE,
     key text NOT NULL,
     line integer NOT NULL,
     block_line integer NOT NULL,
     line_text text NOT NULL
   );
   CREATE INDEX titled_mentions_key ON titled_mentions (key);
   CREATE INDEX titled_mentions_document ON titled_mentions (document);
   -- Whole-corpus statistics, recomputed after each load that changed something.
   CREATE TABLE term_stats (term text PRIMARY KEY, sentences integer NOT NULL);
   CREATE TABLE ordinary_words (word text PRIMARY KEY);`,
  // 2: the paragraphs a check reads back, each stored once with the engine's extraction of it (a check
  // replays it instead of extracting again); documents say which engine extracted them, and lose
  // their lines (nothing read them). What was loaded before is loaded again by the next load.
  `DELETE FROM documents;
   TRUNCATE term_stats, ordinary_words;
   DELETE FROM grounded_meta WHERE key IN ('names', 'sentence_count');
   ALTER TABLE documents DROP COLUMN lines, ADD COLUMN engine text NOT NULL DEFAULT '';
   ALTER TABLE figures DROP COLUMN line_text;
   ALTER TABLE titled_mentions DROP COLUMN line_text;
   CREATE TABLE paragraphs (
     document integer NOT NULL REFERENCES documents ON DELETE CASCADE,
     first_line integer NOT NULL,
     -- Its lines joined by newlines, and JSON of the figures and names extractLine finds in them.
     text text NOT NULL,
     extraction text NOT NULL,
     PRIMARY KEY (document, first_line)
   );
   -- The documents using all of a draft figure's subject terms: the only ones its candidates come from.
   CREATE INDEX documents_terms ON documents USING gin (terms);`,
  // 3: the capitals of each document, and with each paragraph a check needs, the paragraphs around it the checker reads (the first and
  // last of their first lines): a subject carried over, a refutation that follows. Paragraphs stored
  // before do not have them; their documents are loaded again by the next load.
  `DELETE FROM documents;
   TRUNCATE term_stats, ordinary_words;
   DELETE FROM grounded_meta WHERE key IN ('names', 'sentence_count');
   ALTER TABLE paragraphs ADD COLUMN reach_from integer NOT NULL, ADD COLUMN reach_to integer NOT NULL;
   -- The words a document writes with a capital inside a sentence: whether its sentences' first words name someone.
   ALTER TABLE documents ADD COLUMN capitals text[] NOT NULL;`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * The GIN indexes as the migrations create them. A first load into an empty archive drops them and
 * builds them once at the end: building a GIN index whole is far cheaper than growing it row by row.
 */
export const BULK_INDEXES: ReadonlyArray<{ name: string; create: string }> = [
  { name: "sentences_search", create: "CREATE INDEX IF NOT EXISTS sentences_search ON sentences USING gin (search)" },
  { name: "figures_keys", create: "CREATE INDEX IF NOT EXISTS figures_keys ON figures USING gin (keys)" },
  { name: "documents_terms", create: "CREATE INDEX IF NOT EXISTS documents_terms ON documents USING gin (terms)" },
];

/** Brings the schema to SCHEMA_VERSION; safe to run concurrently (an advisory lock serialises loaders). */
export async function migrate(client: PoolClient): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('grounded archive schema'))");
    await client.query("CREATE TABLE IF NOT EXISTS grounded_meta (key text PRIMARY KEY, value text NOT NULL)");
    const found = await client.query<{ value: string }>("SELECT value FROM grounded_meta WHERE key = 'schema_version'");
    const current = Number(found.rows[0]?.value ?? 0);
    if (current > SCHEMA_VERSION) throw new Error(`the archive's schema is version ${current}, newer than this Grounded (${SCHEMA_VERSION}): update Grounded`);
    for (let version = current + 1; version <= SCHEMA_VERSION; version++) await client.query(MIGRATIONS[version - 1]!);
    await client.query("INSERT INTO grounded_meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = $1", [String(SCHEMA_VERSION)]);
    await grantReaders(client);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

/** The read-only role, when the loader may create roles; writers log in as its members. */
async function grantReaders(client: PoolClient): Promise<void> {
  const allowed = await client.query<{ ok: boolean }>("SELECT rolcreaterole OR rolsuper AS ok FROM pg_roles WHERE rolname = current_user");
  if (!allowed.rows[0]?.ok) return;
  const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [READER_ROLE]);
  // Role names cannot be parameters; READER_ROLE is a constant of ours.
  if (exists.rowCount === 0) await client.query(`CREATE ROLE ${READER_ROLE} NOLOGIN`);
  await client.query(`GRANT USAGE ON SCHEMA public TO ${READER_ROLE}`);
  await client.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${READER_ROLE}`);
}

/** The version of an archive's schema, 0 when it has none (nothing loaded yet). */
export async function schemaVersion(query: (sql: string) => Promise<{ rows: Array<Record<string, unknown>> }>): Promise<number> {
  const table = await query("SELECT to_regclass('grounded_meta') IS NOT NULL AS present");
  if (!table.rows[0]?.["present"]) return 0;
  const found = await query("SELECT value FROM grounded_meta WHERE key = 'schema_version'");
  return Number(found.rows[0]?.["value"] ?? 0);
}
