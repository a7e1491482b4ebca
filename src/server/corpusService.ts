// Owns the index: works out the corpus folders from settings and workspace folders, loads
// them with progress, and rebuilds when a source changes on disk.
import { existsSync, watch, type FSWatcher } from "node:fs";
import * as path from "node:path";
import {
  CorpusIndex, type CorpusOptions, loadCorpus, openIndex, prepareForChecks, readerThreads, type SkippedFile,
} from "../core/index.js";
import { excludeDrafts, isInside } from "../util/draftExclusion.js";
import type { Settings } from "./settings.js";

export interface CorpusRoots {
  roots: string[];
  include: string[];
  /** Why these roots: shown in the output channel. */
  description: string;
  /**
   * Roots that hold the drafts too (a workspace folder itself: `grounded.corpus: ["."]` or a glob).
   * A draft open from one of them is kept out of the sources; a file in any other root is a source.
   */
  shared: string[];
  /** Why there is nothing to index, when there is not: told to the user, never replaced by the sample. */
  missing?: SourcesMissing;
}

/** "unset": no grounded.corpus and no corpus/ folder; "untrusted": the workspace's files are not read. */
export type SourcesMissing = "unset" | "untrusted";

const GLOB = /[*?[\]{}]/;

/**
 * The folders to index: settings first, else each workspace's corpus/ folder. Nothing else: the
 * bundled sample is for trying Grounded, chosen knowingly, never a silent stand-in.
 */
export function resolveRoots(workspaceFolders: readonly string[], settings: Settings, trusted: boolean): CorpusRoots {
  if (!trusted) return { roots: [], include: [], shared: [], missing: "untrusted", description: "untrusted workspace: no file of the workspace is read" };
  const roots: string[] = [];
  const include: string[] = [...settings.include];
  const folders = workspaceFolders.length ? workspaceFolders : [process.cwd()];
  if (settings.corpus.length > 0) {
    for (const folder of folders) {
      for (const entry of settings.corpus) {
        if (GLOB.test(entry)) {
          roots.push(folder);
          include.push(entry);
        } else roots.push(path.resolve(folder, entry));
      }
    }
    const unique = [...new Set(roots)];
    const shared = unique.filter((root) => folders.some((folder) => folder === root || isInside(folder, root)));
    return { roots: unique, include, shared, description: `grounded.corpus: ${settings.corpus.join(", ")}` };
  }
  for (const folder of workspaceFolders) {
    const candidate = path.join(folder, "corpus");
    if (existsSync(candidate)) roots.push(candidate);
  }
  if (roots.length > 0) return { roots, include, shared: [], description: "the corpus/ folder of the workspace" };
  return { roots: [], include, shared: [], missing: "unset", description: "no sources: grounded.corpus is not set and the workspace has no corpus/ folder" };
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
  private roots: CorpusRoots = { roots: [], include: [], description: "", shared: [] };
  private settings: Settings | undefined;
  /** Drafts open in the editor from a shared root: never sources. */
  private drafts: string[] = [];

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

  /** Whether a file lies in a corpus folder of its own (not a shared one): a source, never a draft to check. */
  isSource(filePath: string): boolean {
    const resolved = path.resolve(filePath);
    return this.roots.roots.some((root) => !this.roots.shared.includes(root) && (resolved === path.resolve(root) || isInside(resolved, path.resolve(root))));
  }

  /** Why nothing is indexed, if nothing is. */
  get missing(): SourcesMissing | undefined {
    return this.roots.missing;
  }

  /** The drafts open in the editor (those in a shared root are left out); true when a reload is due. */
  setOpenDrafts(paths: readonly string[]): boolean {
    const next = [...new Set(paths)].sort();
    if (next.join("\n") === this.drafts.join("\n")) return false;
    this.drafts = next;
    return this.roots.shared.length > 0;
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
      exclude: this.roots.shared.length ? excludeDrafts(this.roots.shared, this.drafts, settings.exclude) : settings.exclude.length ? settings.exclude : undefined,
      maxFileSize: settings.maxFileSize,
      baseDir: commonBase(this.roots.roots),
      onProgress: (done, total, file) => this.events.progress(done, total, file),
    };
    // Every core but one reads sources: this thread adds them to the index and keeps answering.
    const threads = readerThreads(true);
    // No sources: an empty index (never the sample), and no persisted snapshot overwritten with it.
    const load = this.roots.roots.length === 0
      ? Promise.resolve(CorpusIndex.build([], []))
      : this.cacheDir
      ? openIndex({ ...options, cacheDir: this.cacheDir, threads }).then((opened) => {
          if (opened.problem) this.events.log(`Index cache: ${opened.problem}`);
          this.events.log(`Index ${opened.origin === "snapshot" ? "restored from the cache" : "rebuilt"} (${opened.filesRead} files read, ${opened.filesReused} reused).`);
          return opened.index;
        })
      : loadCorpus(options).then((corpus) => CorpusIndex.buildInSlices(corpus.documents, corpus.skipped, { threads }));
    this.loading = load
      .then((index) => {
        // Before the writer's first check, which would otherwise work these tables out itself.
        prepareForChecks(index);
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
