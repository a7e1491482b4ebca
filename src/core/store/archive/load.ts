// `grounded archive load`: sources into the archive, incrementally by content hash. Unchanged files
// cost a read and a hash; changed ones are replaced; with `prune`, files gone from the folders are
// removed. Documents are extracted here (the same code as the local index) and written in batches,
// one transaction each, while the next batch is extracted. The corpus statistics and the name
// registry are then settled over the whole archive, as a local index settles them over its corpus.
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { Pool, PoolClient } from "pg";
import { listCandidates, loadSourceFile, isSkipped, DEFAULT_MAX_FILE_SIZE } from "../../sources/corpus.js";
import { NameRegistry } from "../../extract/names.js";
import type { SkippedFile } from "../../types.js";
import type { ExtractedDocument, StoredMention } from "./extract.js";
import { inThread, inWorkers } from "./extractors.js";
import { BULK_INDEXES, migrate } from "./schema.js";
import { engineVersion } from "./engine.js";
import { compareDocumentPaths, type StoredRegistry } from "./registry.js";

export interface LoadOptions {
  roots: string[];
  prune?: boolean;
  baseDir?: string;
  include?: string[];
  exclude?: string[];
  maxFileSize?: number;
  /** Extract in worker threads running this script (the bundled dist/archiveWorker.js), one per core. */
  workerScript?: string;
  workers?: number;
  /** Progress lines (the CLI writes them to stderr). */
  onProgress?: (line: string) => void;
}

export interface LoadSummary {
  files: number;
  added: number;
  replaced: number;
  unchanged: number;
  removed: number;
  skipped: SkippedFile[];
  bytesLoaded: number;
  seconds: number;
}

/** A first load of at least this many files builds the GIN indexes at the end (see BULK_INDEXES). */
const BULK_MINIMUM_FILES = 500;
/** Source bytes per write transaction. */
const BATCH_BYTES = 2 * 1024 * 1024;
const SEPARATOR = "\u001f";

/** PostgreSQL text cannot hold NUL. Anything else is a defect upstream: fail loudly, naming it. */
const pgText = (text: string) => (text.includes("\u0000") ? text.replace(/\u0000/g, " ") : text);

export async function loadArchive(pool: Pool, options: LoadOptions): Promise<LoadSummary> {
  const started = performance.now();
  const baseDir = options.baseDir ?? process.cwd();
  const client = await pool.connect();
  try {
    await migrate(client);
  } finally {
    client.release();
  }
  const skipped: SkippedFile[] = [];
  const candidates = await listCandidates({ roots: options.roots, ...(options.include ? { include: options.include } : {}), ...(options.exclude ? { exclude: options.exclude } : {}) }, baseDir, skipped);
  // A document another engine extracted is extracted again, as if it had changed.
  const engine = engineVersion();
  const known = new Map((await pool.query<{ path: string; hash: string; engine: string }>("SELECT path, hash, engine FROM documents")).rows.map((row) => [row.path, row.engine === engine ? row.hash : ""]));
  // Any index a load that stopped half-way left dropped is built again (a no-op otherwise).
  for (const index of BULK_INDEXES) await pool.query(index.create);
  const bulk = known.size === 0 && candidates.length >= BULK_MINIMUM_FILES;
  if (bulk) for (const index of BULK_INDEXES) await pool.query(`DROP INDEX IF EXISTS ${index.name}`);
  const summary: LoadSummary = { files: candidates.length, added: 0, replaced: 0, unchanged: 0, removed: 0, skipped, bytesLoaded: 0, seconds: 0 };
  let batch: Array<{ extracted: ExtractedDocument; hash: string }> = [];
  let batchBytes = 0;
  let writing: Promise<void> = Promise.resolve();
  let lastReport = performance.now();
  let done = 0;
  const report = (force = false) => {
    const now = performance.now();
    if (!force && now - lastReport < 1000) return;
    lastReport = now;
    const seconds = (now - started) / 1000;
    options.onProgress?.(`archive: ${done}/${candidates.length} files, ${(summary.bytesLoaded / 1e6).toFixed(1)} MB loaded (${(summary.bytesLoaded / 1e6 / seconds).toFixed(2)} MB/s), ${summary.unchanged} unchanged`);
  };
  const flush = async () => {
    const toWrite = batch;
    batch = [];
    batchBytes = 0;
    // Writes one after another, each while the next batch is extracted.
    const previous = writing;
    writing = previous.then(() => writeBatch(pool, toWrite, engine));
    await previous;
  };
  const extractor = options.workerScript ? inWorkers(options.workerScript, options.workers ?? 2) : inThread();
  const inFlight = new Set<Promise<void>>();
  try {
    for (const candidate of candidates) {
      done++;
      const bytes = await fs.readFile(candidate.absolutePath).catch(() => undefined);
      const hash = bytes ? createHash("sha256").update(bytes).digest("hex") : "";
      const previous = known.get(candidate.displayPath);
      if (bytes && previous === hash) {
        summary.unchanged++;
        report();
        continue;
      }
      const loaded = await loadSourceFile(candidate.absolutePath, candidate.displayPath, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
      if (isSkipped(loaded)) {
        skipped.push(loaded);
        continue;
      }
      if (previous === undefined) summary.added++;
      else summary.replaced++;
      const extraction: Promise<void> = extractor.extract(loaded).then(async (extracted) => {
        batch.push({ extracted, hash });
        summary.bytesLoaded += loaded.size;
        batchBytes += loaded.size;
        // Waits for the write before: extraction never runs far ahead of the database.
        if (batchBytes >= BATCH_BYTES) await flush();
        inFlight.delete(extraction);
        report();
      });
      inFlight.add(extraction);
      if (inFlight.size >= extractor.parallel) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    await extractor.close();
  }
  await flush();
  await writing;
  if (bulk) {
    options.onProgress?.("archive: building the search indexes …");
    for (const index of BULK_INDEXES) await pool.query(index.create);
  }
  if (options.prune) summary.removed = await prune(pool, options.roots.map((root) => displayPrefix(path.resolve(baseDir, root), baseDir)), new Set(candidates.map((c) => c.displayPath)));
  const changed = summary.added + summary.replaced + summary.removed > 0;
  const settled = await pool.query("SELECT 1 FROM grounded_meta WHERE key = 'names'");
  if (changed || settled.rowCount === 0) {
    options.onProgress?.("archive: settling statistics and names over the whole archive …");
    await settleStatistics(pool);
  }
  summary.seconds = (performance.now() - started) / 1000;
  report(true);
  return summary;
}

function displayPrefix(absoluteRoot: string, baseDir: string): string {
  const relative = path.relative(baseDir, absoluteRoot);
  const shown = relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : absoluteRoot;
  return shown.split(path.sep).join("/");
}

async function inTransaction(pool: Pool, work: (client: PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await work(client);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function writeBatch(pool: Pool, batch: ReadonlyArray<{ extracted: ExtractedDocument; hash: string }>, engine: string): Promise<void> {
  if (batch.length === 0) return;
  await inTransaction(pool, async (client) => {
    await client.query("DELETE FROM documents WHERE path = ANY($1::text[])", [batch.map((b) => b.extracted.document.path)]);
    // One statement for the batch's documents (a round trip each is what a busy server makes slow);
    // their arrays travel as joined text, split again by the server.
    const each = <T>(pick: (e: ExtractedDocument, hash: string) => T) => batch.map(({ extracted, hash }) => pick(extracted, hash));
    const inserted = await client.query<{ id: number; path: string }>(
      `INSERT INTO documents (path, hash, engine, title, date, line_count, hard_wrapped, size, mtime, sentence_count, terms, term_sentences, lowercase_words, names, capitals)
       SELECT p, h, $14, t, d::jsonb, l, hw, sz, m, sc,
              CASE WHEN tm = '' THEN '{}'::text[] ELSE string_to_array(tm, chr(31)) END,
              CASE WHEN ts = '' THEN '{}'::int[] ELSE string_to_array(ts, chr(31))::int[] END,
              CASE WHEN lw = '' THEN '{}'::text[] ELSE string_to_array(lw, chr(31)) END,
              n::jsonb,
              CASE WHEN cw = '' THEN '{}'::text[] ELSE string_to_array(cw, chr(31)) END
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::float8[], $8::int[], $9::text[], $10::text[], $11::text[], $12::text[], $13::bool[], $15::text[])
         AS u(p, h, t, d, l, sz, m, sc, tm, ts, lw, n, hw, cw)
       RETURNING id, path`,
      [
        each((e) => e.document.path),
        each((_, hash) => hash),
        each((e) => pgText(e.document.title)),
        each((e) => (e.document.date ? JSON.stringify(e.document.date) : null)),
        each((e) => e.document.lines.length),
        each((e) => e.document.size),
        each((e) => e.document.mtimeMs),
        each((e) => e.sentences.length),
        each((e) => pgText(e.terms.join(SEPARATOR))),
        each((e) => e.termSentences.join(SEPARATOR)),
        each((e) => pgText(e.lowercaseWords.join(SEPARATOR))),
        each((e) => pgText(JSON.stringify(e.mentions))),
        each((e) => e.hardWrapped),
        engine,
        each((e) => pgText(e.capitals.join(SEPARATOR))),
      ],
    );
    const idByPath = new Map(inserted.rows.map((row) => [row.path, row.id]));
    const ids = batch.map(({ extracted }) => idByPath.get(extracted.document.path)!);
    const sentences = batch.flatMap(({ extracted }, i) => extracted.sentences.map((s) => ({ ...s, document: ids[i]! })));
    await client.query(
      `INSERT INTO sentences (document, line, start_column, end_column, text)
       SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::text[])`,
      [sentences.map((s) => s.document), sentences.map((s) => s.line), sentences.map((s) => s.start), sentences.map((s) => s.end), sentences.map((s) => pgText(s.text))],
    );
    const figures = batch.flatMap(({ extracted }, i) => extracted.figures.map((f) => ({ ...f, document: ids[i]! })));
    const column = <T>(pick: (f: (typeof figures)[number]) => T) => figures.map(pick);
    await client.query(
      `INSERT INTO figures (document, kind, text, shown, value, upper, unit, qualifier, time_from, time_to, time_text, target, terms, weights, keys, line, block_line, sentence, about)
       SELECT d, k, t, sh, v, u, un, q, tf, tt, tx, tg,
              CASE WHEN ts = '' THEN '{}'::text[] ELSE string_to_array(ts, chr(31)) END,
              CASE WHEN ws = '' THEN '{}'::float8[] ELSE string_to_array(ws, chr(31))::float8[] END,
              CASE WHEN ts = '' THEN '{}'::text[] ELSE ARRAY(SELECT k || chr(30) || x FROM unnest(string_to_array(ts, chr(31))) AS x) END,
              l, bl, s, a
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::text[], $8::text[], $9::int[], $10::int[], $11::text[], $12::bool[], $13::text[], $14::text[], $15::int[], $16::text[], $17::text[], $18::int[])
         AS f(d, k, t, sh, v, u, un, q, tf, tt, tx, tg, ts, ws, l, s, a, bl)`,
      [
        column((f) => f.document),
        column((f) => f.kind),
        column((f) => pgText(f.text)),
        column((f) => pgText(f.shown)),
        column((f) => f.value),
        column((f) => f.upper),
        column((f) => f.unit),
        column((f) => f.qualifier),
        column((f) => f.timeFrom),
        column((f) => f.timeTo),
        column((f) => f.timeText),
        column((f) => f.target),
        column((f) => pgText(f.terms.join(SEPARATOR))),
        column((f) => f.weights.join(SEPARATOR)),
        column((f) => f.line),
        column((f) => pgText(f.sentence)),
        column((f) => pgText(f.about)),
        column((f) => f.blockLine),
      ],
    );
    const titled = batch.flatMap(({ extracted }, i) => extracted.titled.map((t) => ({ ...t, document: ids[i]! })));
    await client.query("INSERT INTO titled_mentions (document, key, line, block_line) SELECT * FROM unnest($1::int[], $2::text[], $3::int[], $4::int[])", [
      titled.map((t) => t.document),
      titled.map((t) => t.key),
      titled.map((t) => t.line),
      titled.map((t) => t.blockLine),
    ]);
    const paragraphs = batch.flatMap(({ extracted }, i) => extracted.paragraphs.map((p) => ({ ...p, document: ids[i]! })));
    await client.query("INSERT INTO paragraphs (document, first_line, text, extraction, reach_from, reach_to) SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::int[], $6::int[])", [
      paragraphs.map((p) => p.document),
      paragraphs.map((p) => p.firstLine),
      paragraphs.map((p) => pgText(p.text)),
      paragraphs.map((p) => pgText(p.extraction)),
      paragraphs.map((p) => p.reachFrom),
      paragraphs.map((p) => p.reachTo),
    ]);
  });
}

/** Removes the documents under the loaded folders that are no longer there; returns how many. */
async function prune(pool: Pool, prefixes: string[], present: ReadonlySet<string>): Promise<number> {
  const rows = (await pool.query<{ path: string }>("SELECT path FROM documents")).rows;
  const under = (p: string) => prefixes.some((prefix) => prefix === "" || p === prefix || p.startsWith(`${prefix}/`));
  const gone = rows.map((r) => r.path).filter((p) => under(p) && !present.has(p));
  if (gone.length > 0) await pool.query("DELETE FROM documents WHERE path = ANY($1::text[])", [gone]);
  return gone.length;
}

/** Term rarity, ordinary words and the name registry of the whole archive, recomputed from its documents. */
async function settleStatistics(pool: Pool): Promise<void> {
  const registry = await registryOfArchive(pool);
  await inTransaction(pool, async (client) => {
    await client.query("TRUNCATE term_stats, ordinary_words");
    await client.query("INSERT INTO term_stats (term, sentences) SELECT t, sum(c) FROM documents, unnest(terms, term_sentences) AS u(t, c) GROUP BY t");
    await client.query("INSERT INTO ordinary_words (word) SELECT DISTINCT w FROM documents, unnest(lowercase_words) AS w");
    const count = await client.query<{ n: string | null }>("SELECT sum(sentence_count) AS n FROM documents");
    const meta = "INSERT INTO grounded_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = $2";
    await client.query(meta, ["sentence_count", String(count.rows[0]?.n ?? 0)]);
    await client.query(meta, ["names", JSON.stringify(registry)]);
  });
  await pool.query("ANALYZE");
}

/** The registry every mention of the archive builds, in document order, finalized: what a local index over the same files has. */
async function registryOfArchive(pool: Pool): Promise<StoredRegistry> {
  const documents = (await pool.query<{ id: number; path: string }>("SELECT id, path FROM documents")).rows.sort((a, b) => compareDocumentPaths(a.path, b.path));
  const registry = new NameRegistry();
  const sources = new Map<string, Set<string>>();
  const CHUNK = 500;
  for (let from = 0; from < documents.length; from += CHUNK) {
    const slice = documents.slice(from, from + CHUNK);
    const rows = (await pool.query<{ id: number; names: StoredMention[] }>("SELECT id, names FROM documents WHERE id = ANY($1::int[])", [slice.map((d) => d.id)])).rows;
    const namesById = new Map(rows.map((row) => [row.id, row.names]));
    for (const document of slice) {
      for (const [key, kind, text, title, line] of namesById.get(document.id) ?? []) {
        registry.add({ key, kind, text, start: 0, end: 0, ...(title !== null ? { title } : {}) }, { path: document.path, line, sentence: "" });
      }
    }
  }
  registry.finalize();
  const entities = registry.all().map((entity) => {
    for (const mention of entity.mentions) {
      const set = sources.get(entity.key) ?? new Set<string>();
      set.add(mention.path);
      sources.set(entity.key, set);
    }
    const first = entity.mentions[0];
    return { key: entity.key, canonical: entity.canonical, kind: entity.kind, titles: entity.titles, aliases: entity.aliases, mentions: entity.mentions.length, sources: sources.get(entity.key)?.size ?? 0, first: first ? { path: first.path, line: first.line, text: first.text } : null };
  });
  return { entities, aliases: registry.aliases() };
}
