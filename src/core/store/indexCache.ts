// The persisted index: a snapshot of a built CorpusIndex on disk, so a restart does not re-extract
// every figure and name. Each source file is recorded by size, mtime and content hash, and the whole
// snapshot by the engine that wrote it. When nothing changed the snapshot is restored as is; when
// files changed, only those are re-read and the index is rebuilt with the other lines' stored
// extractions, so only new text goes through the figure and name grammars.
import { createHash } from "node:crypto";
import { promises as fs, readFileSync } from "node:fs";
import * as path from "node:path";
import { restoreIndex, snapshotIndex } from "./indexSnapshot.js";
import { asciiJson, END, frame, parseAsciiJson, readFrames, readTexts, textsFrame } from "./frames.js";
import { CorpusIndex, extractLine, type LineExtractor } from "../index/corpusIndex.js";
import { DEFAULT_MAX_FILE_SIZE, isSkipped, listCandidates, loadSourceFile, type CorpusOptions } from "../sources/corpus.js";
import type { SkippedFile, SourceDocument } from "../types.js";
import { throwIfCancelled } from "../../util/cancellation.js";

const FORMAT = 13;

export interface IndexCacheOptions extends CorpusOptions {
  /** Folder for the cache files (the extension's storage folder, the CLI's --cache). Created if missing. */
  cacheDir: string;
  /** Identifies the engine; a snapshot from another engine is ignored. Default: a hash of the running bundle. */
  engineVersion?: string;
  /** Worker threads reading changed sources when the index is rebuilt (see CorpusIndex.buildInSlices). */
  threads?: number;
}

export interface OpenedIndex {
  index: CorpusIndex;
  /** "snapshot": restored as saved; "rebuilt": some files changed or there was no usable snapshot. */
  origin: "snapshot" | "rebuilt";
  /** Source files read from disk this time, and files whose stored data was used instead. */
  filesRead: number;
  filesReused: number;
  /** Why the cache could not be read or written, when that happened (the index is still good). */
  problem?: string;
}

/** Saves under way, by manifest: a save waits for the one before, and an open waits for it. */
const pendingSaves = new Map<string, Promise<unknown>>();

interface FileRecord {
  absolutePath: string;
  displayPath: string;
  size: number;
  mtimeMs: number;
  hash: string;
  skipped?: string;
}

interface Manifest {
  format: number;
  engine: string;
  optionsKey: string;
  files: FileRecord[];
}

type Extraction = ReturnType<LineExtractor>;

/** Documents and per-line extractions, read only when some files changed. */
interface LineStore {
  documents: Record<string, SourceDocument>;
  lines: Map<string, Extraction>;
}

const enum StoreFrame {
  /** Documents without their lines, then their texts (frames.ts textsFrame), in pairs. */
  Documents = 1,
  DocumentTexts = 3,
  /** Paragraph texts, then their extractions, in pairs. */
  LineTexts = 4,
  Lines = 2,
}

/** The line store as frames made one at a time (see frames.ts); texts as bytes, not JSON. */
function* lineStoreFrames(store: LineStore): Generator<Buffer> {
  const documents = Object.entries(store.documents);
  for (let from = 0; from < documents.length; from += 100) {
    const chunk = documents.slice(from, from + 100);
    yield frame(StoreFrame.Documents, asciiJson(chunk.map(([file, { lines: _lines, ...rest }]) => [file, rest])));
    yield frame(StoreFrame.DocumentTexts, textsFrame(chunk.map(([, document]) => document.lines.join("\n"))));
  }
  const lines = [...store.lines];
  for (let from = 0; from < lines.length; from += 5000) {
    const chunk = lines.slice(from, from + 5000);
    yield frame(StoreFrame.LineTexts, textsFrame(chunk.map(([line]) => line)));
    yield frame(StoreFrame.Lines, asciiJson(chunk.map(([, extraction]) => extraction)));
  }
  yield frame(END, Buffer.alloc(0));
}

function readLineStore(bytes: Buffer): LineStore {
  const store: LineStore = { documents: {}, lines: new Map() };
  let documents: Array<[string, Omit<SourceDocument, "lines">]> = [];
  let lineTexts: string[] = [];
  for (const { kind, payload } of readFrames(bytes)) {
    if (kind === StoreFrame.Documents) documents = parseAsciiJson(payload) as typeof documents;
    else if (kind === StoreFrame.DocumentTexts) {
      const texts = readTexts(payload);
      if (texts.length !== documents.length) throw new Error("the line store's documents and texts differ");
      documents.forEach(([file, document], i) => (store.documents[file] = { ...document, lines: texts[i]!.split("\n") }));
    } else if (kind === StoreFrame.LineTexts) lineTexts = readTexts(payload);
    else if (kind === StoreFrame.Lines) {
      const extractions = parseAsciiJson(payload) as Extraction[];
      if (extractions.length !== lineTexts.length) throw new Error("the line store's lines and extractions differ");
      extractions.forEach((extraction, i) => store.lines.set(lineTexts[i]!, extraction));
    } else throw new Error(`the line store has an unknown part ${kind}`);
  }
  return store;
}

let defaultEngine: string | undefined;

/** A hash of the running code: any change to the engine invalidates old snapshots. */
export function engineVersion(): string {
  if (defaultEngine === undefined) {
    try {
      defaultEngine = createHash("sha1").update(readFileSync(__filename)).digest("hex").slice(0, 16);
    } catch {
      defaultEngine = "unknown";
    }
  }
  return defaultEngine;
}

function hashText(document: SourceDocument): string {
  return createHash("sha1").update(document.lines.join("\n")).digest("hex");
}

function cacheFiles(options: IndexCacheOptions, baseDir: string): { manifest: string; snapshot: string; lines: string; optionsKey: string } {
  const optionsKey = JSON.stringify({
    roots: options.roots.map((r) => path.resolve(baseDir, r)),
    baseDir,
    include: options.include ?? [],
    exclude: options.exclude ?? [],
    maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    maxFiles: options.maxFiles ?? null,
  });
  const stem = path.join(options.cacheDir, `grounded-index-${createHash("sha1").update(optionsKey).digest("hex").slice(0, 12)}`);
  return { manifest: `${stem}.json`, snapshot: `${stem}.snapshot`, lines: `${stem}.lines`, optionsKey };
}

async function readManifest(file: string, engine: string, optionsKey: string): Promise<Manifest | undefined> {
  try {
    const manifest = JSON.parse(await fs.readFile(file, "utf8")) as Manifest;
    if (manifest.format !== FORMAT || manifest.engine !== engine || manifest.optionsKey !== optionsKey || !Array.isArray(manifest.files)) return undefined;
    return manifest;
  } catch {
    return undefined;
  }
}

/** Temporary files made so far: each save writes its own, even two at once. */
let temporaries = 0;

/** Writes to a temporary file then renames it over `file`; parts of an iterable are made and written one at a time. */
async function writeAtomically(file: string, data: string | Buffer | Iterable<Buffer>): Promise<void> {
  const temporary = `${file}.${process.pid}.${temporaries++}.tmp`;
  try {
    await fs.writeFile(temporary, data);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Opens the index for `options`: from the snapshot when every source is as recorded, otherwise by
 * re-reading only the files that changed. The (re)built index is saved for next time.
 */
export async function openIndex(options: IndexCacheOptions): Promise<OpenedIndex> {
  const baseDir = options.baseDir ?? process.cwd();
  const engine = options.engineVersion ?? engineVersion();
  const files = cacheFiles(options, baseDir);
  // A save of the same index still under way would be read half-done.
  await pendingSaves.get(files.manifest);
  const listSkipped: SkippedFile[] = [];
  const candidates = await listCandidates(options, baseDir, listSkipped);
  const manifest = await readManifest(files.manifest, engine, files.optionsKey);
  const recorded = new Map((manifest?.files ?? []).map((f) => [f.absolutePath, f]));

  // Which files are as recorded (same size and mtime)?
  const stats = await Promise.all(candidates.map((c) => fs.stat(c.absolutePath).catch(() => undefined)));
  const changed: number[] = [];
  candidates.forEach((candidate, i) => {
    const known = recorded.get(candidate.absolutePath);
    const stat = stats[i];
    if (!known || !stat || known.size !== stat.size || known.mtimeMs !== stat.mtimeMs || known.displayPath !== candidate.displayPath) changed.push(i);
  });
  const sameSet = manifest !== undefined && candidates.length === manifest.files.length && candidates.every((c) => recorded.has(c.absolutePath));

  // Re-read the changed files; one whose text hashes the same is unchanged after all (a touch, a checkout).
  const reread = new Map<number, SourceDocument | SkippedFile>();
  for (const i of changed) {
    throwIfCancelled(options.token);
    const candidate = candidates[i]!;
    const pageProgress = (page: number, pages: number) => options.onProgress?.(reread.size, changed.length, `${candidate.displayPath} (page ${page} of ${pages})`);
    reread.set(i, await loadSourceFile(candidate.absolutePath, candidate.displayPath, options.maxFileSize, pageProgress));
    options.onProgress?.(reread.size, changed.length, candidate.displayPath);
  }
  const contentChanged = changed.filter((i) => {
    const result = reread.get(i)!;
    const known = recorded.get(candidates[i]!.absolutePath);
    if (!known) return true;
    return isSkipped(result) ? known.skipped !== result.reason : known.skipped !== undefined || known.hash !== hashText(result);
  });

  const records: FileRecord[] = [];
  const recordOf = (i: number, result: SourceDocument | SkippedFile, hash: string): FileRecord => {
    const stat = stats[i];
    const candidate = candidates[i]!;
    return { absolutePath: candidate.absolutePath, displayPath: candidate.displayPath, size: stat?.size ?? -1, mtimeMs: stat?.mtimeMs ?? -1, hash, ...(isSkipped(result) ? { skipped: result.reason } : {}) };
  };

  if (manifest && sameSet && contentChanged.length === 0) {
    try {
      const index = restoreIndex(await fs.readFile(files.snapshot));
      if (changed.length > 0) {
        // Only mtimes moved: record them so the next start need not re-read these files.
        const updated = manifest.files.map((f) => {
          const i = candidates.findIndex((c) => c.absolutePath === f.absolutePath);
          return changed.includes(i) ? { ...f, mtimeMs: stats[i]?.mtimeMs ?? f.mtimeMs, size: stats[i]?.size ?? f.size } : f;
        });
        await writeAtomically(files.manifest, JSON.stringify({ ...manifest, files: updated })).catch(() => undefined);
      }
      return { index, origin: "snapshot", filesRead: changed.length, filesReused: candidates.length - changed.length };
    } catch {
      // An unreadable snapshot is rebuilt below.
    }
  }

  // Rebuild: unchanged files come from the line store, without reading them.
  let store: LineStore | undefined;
  if (manifest) {
    try {
      store = readLineStore(await fs.readFile(files.lines));
    } catch {
      store = undefined;
    }
  }
  const documents: SourceDocument[] = [];
  /** Documents whose extractions are stored: read on the main thread, no grammar runs. */
  const reused = new Set<SourceDocument>();
  const skipped: SkippedFile[] = [...listSkipped];
  let filesRead = 0;
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i]!;
    const known = recorded.get(candidate.absolutePath);
    const stored = store?.documents[candidate.absolutePath];
    let result: SourceDocument | SkippedFile | undefined = reread.get(i);
    if (!result && known?.skipped !== undefined) result = { path: candidate.displayPath, reason: known.skipped };
    if (!result && stored && known) reused.add((result = stored));
    if (!result) {
      throwIfCancelled(options.token);
      result = await loadSourceFile(candidate.absolutePath, candidate.displayPath, options.maxFileSize);
      filesRead++;
    }
    if (isSkipped(result)) {
      skipped.push(result);
      records.push(recordOf(i, result, ""));
    } else {
      documents.push(result);
      records.push(recordOf(i, result, known && !reread.has(i) ? known.hash : hashText(result)));
    }
  }
  filesRead += reread.size;

  const lines = new Map<string, Extraction>();
  const storedLines = store?.lines;
  // Stored extractions are handed out as they are: the index copies every figure and name it keeps.
  const extract: LineExtractor = (line) => lines.get(line) ?? storedLines?.get(line) ?? extractLine(line);
  // In slices: a language server keeps answering (from its previous index) while this builds.
  const index = await CorpusIndex.buildInSlices(documents, skipped, {
    extract,
    threads: options.threads ?? 0,
    readHere: (document) => reused.has(document),
    onRead: (_, readings) => {
      for (const { paragraph, figures, names } of readings) if (!lines.has(paragraph.text)) lines.set(paragraph.text, { figures, names });
    },
    ...(options.token ? { token: options.token } : {}),
    onProgress: (done, total) => options.onProgress?.(Math.min(done, total), total, documents[Math.min(done, total) - 1]?.path ?? ""),
  });
  const newStore: LineStore = { documents: Object.fromEntries(documents.map((d) => [d.absolutePath, d])), lines };
  const previous = pendingSaves.get(files.manifest) ?? Promise.resolve();
  const saved = previous.then(() => saveIndex(files, engine, index, records, newStore));
  pendingSaves.set(files.manifest, saved);
  // Saved before it is handed out: saving later would pause a server's answers just as the index is first used.
  const problem = await saved;
  if (pendingSaves.get(files.manifest) === saved) pendingSaves.delete(files.manifest);
  return { index, origin: "rebuilt", filesRead, filesReused: candidates.length - filesRead, ...(problem ? { problem } : {}) };
}

async function saveIndex(
  files: ReturnType<typeof cacheFiles>,
  engine: string,
  index: CorpusIndex,
  records: FileRecord[],
  store: LineStore,
): Promise<string | undefined> {
  try {
    await fs.mkdir(path.dirname(files.manifest), { recursive: true });
    // Without a manifest the other files count for nothing, so a crash mid-save leaves no stale mix.
    await fs.rm(files.manifest, { force: true });
    await writeAtomically(files.snapshot, snapshotIndex(index));
    await writeAtomically(files.lines, lineStoreFrames(store));
    // The manifest goes last: it is what makes the other two count.
    const manifest: Manifest = { format: FORMAT, engine, optionsKey: files.optionsKey, files: records };
    await writeAtomically(files.manifest, JSON.stringify(manifest));
    return undefined;
  } catch (error) {
    return `could not save the index cache in ${path.dirname(files.manifest)}: ${describe(error)}`;
  }
}
