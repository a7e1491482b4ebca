// Owns the index: works out the corpus folders from settings and workspace folders, loads
// them with progress, and rebuilds when a source changes on disk.
import { existsSync, watch, type FSWatcher } from "node:fs";
import * as path from "node:path";
import { bundledCorpusDir, loadCorpus, type CorpusOptions } from "../core/corpus.js";
import { CorpusIndex } from "../core/corpusIndex.js";
import { openIndex } from "../core/indexCache.js";
import { readerThreads } from "../core/parallelRead.js";
import type { SkippedFile } from "../core/types.js";
import type { Settings } from "./settings.js";

export interface CorpusRoots {
  roots: string[];
  include: string[];
  /** Why these roots: shown in the output channel. */
  description: string;
}

const GLOB = /[*?[\]{}]/;

/** The folders to index: settings first, else each workspace's corpus/, else the bundled sample. */
export function resolveRoots(workspaceFolders: readonly string[], settings: Settings, trusted: boolean): CorpusRoots {
  if (!trusted) return { roots: [bundledCorpusDir()], include: [], description: "untrusted workspace: only the bundled sample corpus is read" };
  const roots: string[] = [];
  const include: string[] = [...settings.include];
  if (settings.corpus.length > 0) {
    for (const folder of workspaceFolders.length ? workspaceFolders : [process.cwd()]) {
      for (const entry of settings.corpus) {
        if (GLOB.test(entry)) {
          roots.push(folder);
          include.push(entry);
        } else roots.push(path.resolve(folder, entry));
      }
    }
    return { roots: [...new Set(roots)], include, description: `grounded.corpus: ${settings.corpus.join(", ")}` };
  }
  for (const folder of workspaceFolders) {
    const candidate = path.join(folder, "corpus");
    if (existsSync(candidate)) roots.push(candidate);
  }
  if (roots.length > 0) return { roots, include, description: "the corpus/ folder of the workspace" };
  return { roots: [bundledCorpusDir()], include, description: "the bundled sample corpus (no corpus/ folder in the workspace)" };
}

export interface IndexEvents {
  progress(done: number, total: number, file: string): void;
  log(message: string): void;
}

export class CorpusService {
  private current: CorpusIndex | undefined;
  private generation = 0;
  private watchers: FSWatcher[] = [];
  private reloadTimer: NodeJS.Timeout | undefined;
  private loading: Promise<CorpusIndex> | undefined;
  private queued: Promise<CorpusIndex> | undefined;
  private roots: CorpusRoots = { roots: [], include: [], description: "" };
  private settings: Settings | undefined;

  /** Where the persisted index lives (the extension's storage folder); none: always rebuild. */
  cacheDir: string | undefined;

  constructor(private readonly events: IndexEvents, private readonly onIndexed: (index: CorpusIndex) => void) {}

  get index(): CorpusIndex | undefined {
    return this.current;
  }

  /** Increases whenever the index is rebuilt: caches keyed by it become stale. */
  get version(): number {
    return this.generation;
  }

  /** Whether a file lies inside a corpus folder: a source, never a draft to check. */
  containsPath(filePath: string): boolean {
    const resolved = path.resolve(filePath);
    return this.roots.roots.some((root) => resolved === root || resolved.startsWith(path.resolve(root) + path.sep));
  }

  /** The settings the index depends on, to tell whether a configuration change needs a reindex. */
  indexKey(roots: CorpusRoots, settings: Settings): string {
    return JSON.stringify([roots.roots, roots.include, settings.exclude, settings.maxFileSize]);
  }

  get skipped(): readonly SkippedFile[] {
    return this.current?.skipped ?? [];
  }

  async configure(roots: CorpusRoots, settings: Settings): Promise<CorpusIndex> {
    this.roots = roots;
    this.settings = settings;
    this.watch();
    return this.reload();
  }

  /** Rebuilds the index; concurrent calls share one load. */
  reload(): Promise<CorpusIndex> {
    // While one load runs, every further request shares a single follow-up load.
    if (this.loading) {
      this.queued ??= this.loading.catch(() => undefined).then(() => {
        this.queued = undefined;
        return this.reload();
      });
      return this.queued;
    }
    const settings = this.settings;
    if (!settings) return Promise.reject(new Error("not configured"));
    const options: CorpusOptions = {
      roots: this.roots.roots,
      include: this.roots.include.length ? this.roots.include : undefined,
      exclude: settings.exclude.length ? settings.exclude : undefined,
      maxFileSize: settings.maxFileSize,
      baseDir: commonBase(this.roots.roots),
      onProgress: (done, total, file) => this.events.progress(done, total, file),
    };
    // Every core but one reads sources: this thread adds them to the index and keeps answering.
    const threads = readerThreads(true);
    const load = this.cacheDir
      ? openIndex({ ...options, cacheDir: this.cacheDir, threads }).then((opened) => {
          if (opened.problem) this.events.log(`Index cache: ${opened.problem}`);
          this.events.log(`Index ${opened.origin === "snapshot" ? "restored from the cache" : "rebuilt"} (${opened.filesRead} files read, ${opened.filesReused} reused).`);
          return opened.index;
        })
      : loadCorpus(options).then((corpus) => CorpusIndex.buildInSlices(corpus.documents, corpus.skipped, { threads }));
    this.loading = load
      .then((index) => {
        this.current = index;
        this.generation++;
        this.events.log(`Indexed ${index.documents.length} sources (${index.sourceFigures.length} figures) from ${this.roots.description}.`);
        for (const skipped of index.skipped) this.events.log(`Skipped ${skipped.path}: ${skipped.reason}`);
        this.onIndexed(index);
        return index;
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }

  /** A source changed on disk (from the client's watcher or ours): rebuild soon, once. */
  sourcesChanged(): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      this.reload().catch((error: unknown) => this.events.log(`Reindexing failed: ${String(error)}`));
    }, 150);
  }

  private watch(): void {
    for (const watcher of this.watchers) watcher.close();
    this.watchers = [];
    for (const root of this.roots.roots) {
      try {
        const watcher = watch(root, { recursive: true }, () => this.sourcesChanged());
        watcher.on("error", () => undefined);
        this.watchers.push(watcher);
      } catch {
        // A root that cannot be watched is still indexed; the client's file events cover it.
      }
    }
  }

  dispose(): void {
    clearTimeout(this.reloadTimer);
    for (const watcher of this.watchers) watcher.close();
  }
}

/** The folder that holds every root, so display paths read "corpus/x.txt". */
function commonBase(roots: readonly string[]): string {
  if (roots.length === 0) return process.cwd();
  const parents = roots.map((r) => path.dirname(path.resolve(r)));
  let base = parents[0]!;
  while (!parents.every((p) => p === base || p.startsWith(base + path.sep))) base = path.dirname(base);
  return base;
}
