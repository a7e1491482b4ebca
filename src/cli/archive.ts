// `grounded archive load|status`, and what check, search and facts read: local folders, a shared
// archive (--archive URL or GROUNDED_ARCHIVE), or both at once.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import * as path from "node:path";
import { flagValue, parseArgs, UsageError, type ParsedArgs } from "./args.js";
import { sanitize } from "./format.js";
import {
  Archive, checkArchiveUrl, checkDocument, type CorpusIndex, type Fact, type FactKind, factsOf, type Finding,
  formatBytes, loadArchive, openPool, redactUrl, type SearchHit,
} from "../core/index.js";

export const ARCHIVE_HELP = `grounded archive load --archive URL [--prune] DIR...
grounded archive status --archive URL

Keeps sources in a shared PostgreSQL archive that check, search and facts read with --archive URL
(or GROUNDED_ARCHIVE). The URL names no password: it comes from PGPASSWORD or GROUNDED_ARCHIVE_PASSWORD.
  load     loads the files of each DIR; unchanged files are skipped, changed ones replaced;
           --prune removes files gone from the folders; progress on stderr
  status   documents, sentences, figures and names in the archive`;

const WORKER = path.join(__dirname, "archiveWorker.js");

/** The archive to read: --archive, else GROUNDED_ARCHIVE; undefined for none. */
export function archiveUrl(args: ParsedArgs): string | undefined {
  const url = flagValue(args, "--archive") ?? (process.env["GROUNDED_ARCHIVE"] || undefined);
  if (url === undefined) return undefined;
  const problem = checkArchiveUrl(url);
  if (problem) throw new UsageError(problem);
  return url;
}

/** Where check, search and facts look: the local index, the archive, or both. */
export interface Sources {
  check(text: string, ignore: readonly string[]): Promise<Finding[]>;
  search(query: string, limit: number): Promise<SearchHit[]>;
  facts(kind?: FactKind): Promise<Fact[]>;
  /** How many source documents in all. */
  count(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The sources the arguments name. With an archive the local folders are read only when --corpus
 * says so (the bundled sample is no default then).
 */
export async function openSources(args: ParsedArgs, openLocal: () => Promise<CorpusIndex>): Promise<Sources> {
  const url = archiveUrl(args);
  const local = url === undefined || args.flags.has("--corpus") || args.booleans.has("--sample") ? await openLocal() : undefined;
  if (url === undefined) {
    const index = local!;
    return {
      check: async (text, ignore) => checkDocument(index, text, { ignore }),
      search: async (query, limit) => index.search(query, { limit }),
      facts: async (kind) => factsOf(index, kind),
      count: async () => index.documents.length,
      close: async () => undefined,
    };
  }
  const archive = Archive.open(url);
  const reach = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw new ArchiveError(`archive ${redactUrl(url)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return {
    check: (text, ignore) => reach(async () => (await archive.check(text, { ignore, ...(local ? { local } : {}) })).findings),
    search: (query, limit) =>
      reach(async () => {
        const remote = await archive.search(query, limit);
        // Scores of the two rankings are not comparable: take them in turn.
        const near = local?.search(query, { limit }) ?? [];
        const merged: SearchHit[] = [];
        for (let i = 0; merged.length < limit && (i < near.length || i < remote.length); i++) {
          if (i < near.length) merged.push(near[i]!);
          if (i < remote.length && merged.length < limit) merged.push(remote[i]!);
        }
        return merged;
      }),
    facts: (kind) => reach(async () => [...(local ? factsOf(local, kind) : []), ...(await archive.facts(kind))]),
    count: () => reach(async () => (local?.documents.length ?? 0) + (await archive.status()).documents),
    close: () => archive.close(),
  };
}

/** The archive cannot be reached or answered with an error: an input problem (exit 2), not a crash. */
export class ArchiveError extends Error {}

export async function runArchive(argv: string[], write: (text: string) => void): Promise<number> {
  const [subcommand, ...rest] = argv;
  const args = parseArgs(rest, { "--archive": { value: true }, "--prune": {}, "--include": { value: true, repeatable: true }, "--exclude": { value: true, repeatable: true }, "--max-file-size": { value: true }, "--help": {}, "-h": {} });
  if (subcommand === undefined || subcommand === "--help" || subcommand === "-h" || args.booleans.has("--help") || args.booleans.has("-h")) {
    write(ARCHIVE_HELP + "\n");
    return 0;
  }
  const url = archiveUrl(args);
  if (!url) throw new UsageError(`archive ${subcommand} needs --archive URL (or GROUNDED_ARCHIVE)`);
  if (subcommand === "load") {
    if (args.positionals.length === 0) throw new UsageError("archive load needs at least one folder");
    const maxSize = flagValue(args, "--max-file-size");
    const pool = openPool(url, { write: true, max: 2 });
    try {
      const summary = await loadArchive(pool, {
        roots: args.positionals,
        prune: args.booleans.has("--prune"),
        ...(args.flags.get("--include") ? { include: args.flags.get("--include")! } : {}),
        ...(args.flags.get("--exclude") ? { exclude: args.flags.get("--exclude")! } : {}),
        ...(maxSize ? { maxFileSize: Number(maxSize) } : {}),
        onProgress: (line) => process.stderr.write(`grounded: ${line}\n`),
        // One extraction worker per core, when the bundled worker is there (not under tsx).
        ...(existsSync(WORKER) ? { workerScript: WORKER, workers: Math.max(1, Math.min(availableParallelism(), 8)) } : {}),
      }).catch((error: unknown) => {
        throw new ArchiveError(`archive ${redactUrl(url)}: ${error instanceof Error ? error.message : String(error)}`);
      });
      for (const skipped of summary.skipped) process.stderr.write(`grounded: skipped ${sanitize(skipped.path)}: ${skipped.reason}\n`);
      write(
        `${summary.files} files: ${summary.added} added, ${summary.replaced} replaced, ${summary.unchanged} unchanged, ${summary.removed} removed; ` +
          `${formatBytes(summary.bytesLoaded)} in ${summary.seconds.toFixed(1)} s\n`,
      );
      return 0;
    } finally {
      await pool.end();
    }
  }
  if (subcommand === "status") {
    const archive = Archive.open(url);
    try {
      const status = await archive.status().catch((error: unknown) => {
        throw new ArchiveError(`archive ${redactUrl(url)}: ${error instanceof Error ? error.message : String(error)}`);
      });
      write(
        [
          `archive   ${redactUrl(url)} (schema ${status.schemaVersion})`,
          `documents ${status.documents} (${formatBytes(status.sourceBytes)} of sources; database ${formatBytes(status.databaseBytes)})`,
          `sentences ${status.sentences}`,
          `figures   ${status.figures}`,
          `names     ${status.names}`,
        ].join("\n") + "\n",
      );
      return 0;
    } finally {
      await archive.close();
    }
  }
  throw new UsageError(`unknown archive command "${subcommand}" (load or status)`);
}
