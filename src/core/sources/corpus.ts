// Loads source documents from folders: walking, filtering, decoding, HTML to text.
// A file that cannot be used becomes a SkippedFile with a reason, never an exception.
import { existsSync, promises as fs, type Dirent } from "node:fs";
import * as path from "node:path";
import picomatch from "picomatch";
import type { SkippedFile, SourceDocument } from "../types.js";
import { normalizeSourceText, splitLines } from "../extract/normalize.js";
import { htmlToText } from "./html.js";
import { decodeBytes } from "./decode.js";
import { findDocumentDate, isMarkdownLike, proseLines } from "./sourceText.js";

export { findDocumentDate };
import { readBinarySource, sourceFromExtracted } from "./binarySources.js";
import type { PageProgress } from "./extracted.js";
import type { CancellationToken } from "../../util/cancellation.js";
import { ownedCopy } from "../../util/ownedString.js";

export const DEFAULT_INCLUDE = ["**/*.{txt,md,markdown,html,htm,pdf,docx}"];
export const DEFAULT_EXCLUDE = ["**/node_modules/**", "**/.git/**"];
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;
export const DEFAULT_MAX_FILES = 20_000;

export interface CorpusOptions {
  /** Folders or single files, absolute or relative to baseDir. */
  roots: string[];
  /** Display paths are relative to this (default: the current directory). */
  baseDir?: string;
  include?: string[];
  exclude?: string[];
  maxFileSize?: number;
  maxFiles?: number;
  onProgress?: (done: number, total: number, path: string) => void;
  token?: CancellationToken;
}

export interface LoadedCorpus {
  documents: SourceDocument[];
  skipped: SkippedFile[];
}

export interface Candidate {
  absolutePath: string;
  displayPath: string;
}

/** The sample corpus shipped with Grounded: `corpus/` next to `dist/`. */
export function bundledCorpusDir(): string {
  // dist/cli.js and src/core/sources/corpus.ts sit at different depths: look upward for package.json.
  let directory = __dirname;
  for (let depth = 0; depth < 4; depth++) {
    const candidate = path.join(directory, "corpus");
    if (existsSync(path.join(directory, "package.json")) && existsSync(candidate)) return candidate;
    directory = path.dirname(directory);
  }
  return path.resolve(__dirname, "..", "corpus");
}

function displayPathFor(absolutePath: string, baseDir: string): string {
  const relative = path.relative(baseDir, absolutePath);
  const shown = relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : absolutePath;
  return shown.split(path.sep).join("/");
}

/**
 * Walks every root, following symlinks once (a loop is reported, not followed forever).
 * Reads no file: the persisted index (indexCache.ts) compares the list with its records.
 */
export async function listCandidates(options: CorpusOptions, baseDir: string, skipped: SkippedFile[]): Promise<Candidate[]> {
  const include = picomatch(options.include?.length ? options.include : DEFAULT_INCLUDE, { dot: false, nocase: true });
  const exclude = picomatch(options.exclude?.length ? options.exclude : DEFAULT_EXCLUDE, { dot: true });
  const maxFiles = options.maxFiles ?? DEFAULT_MAX_FILES;
  const found: Candidate[] = [];
  const seenDirectories = new Set<string>();
  const seenFiles = new Set<string>();
  let capped = false;

  /** `real`: the file's real path when known without asking the file system (a plain file in a resolved folder). */
  const addFile = async (absolutePath: string, relativeToRoot: string, real?: string) => {
    if (!include(relativeToRoot) || exclude(relativeToRoot)) return;
    real ??= await fs.realpath(absolutePath).catch(() => absolutePath);
    if (seenFiles.has(real)) return;
    if (found.length >= maxFiles) {
      capped = true;
      return;
    }
    seenFiles.add(real);
    found.push({ absolutePath, displayPath: displayPathFor(absolutePath, baseDir) });
  };

  const walk = async (directory: string, root: string): Promise<void> => {
    const real = await fs.realpath(directory).catch(() => directory);
    if (seenDirectories.has(real)) {
      skipped.push({ path: displayPathFor(directory, baseDir), reason: "folder already visited (symbolic link loop?)" });
      return;
    }
    seenDirectories.add(real);
    let entries: Dirent[];
    try {
      entries = await fs.readdir(directory, { withFileTypes: true });
    } catch (error) {
      skipped.push({ path: displayPathFor(directory, baseDir), reason: `cannot read folder: ${describeError(error)}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (options.token?.isCancellationRequested || capped) return;
      const full = path.join(directory, entry.name);
      const relative = path.relative(root, full).split(path.sep).join("/");
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const stat = await fs.stat(full).catch(() => undefined);
        if (!stat) {
          skipped.push({ path: displayPathFor(full, baseDir), reason: "broken symbolic link" });
          continue;
        }
        isDirectory = stat.isDirectory();
        isFile = stat.isFile();
      }
      if (isDirectory) {
        if (!exclude(relative) && !exclude(relative + "/")) await walk(full, root);
      } else if (isFile) await addFile(full, relative, entry.isSymbolicLink() ? undefined : path.join(real, entry.name));
    }
  };

  for (const rootOption of options.roots) {
    const root = path.resolve(baseDir, rootOption);
    const stat = await fs.stat(root).catch(() => undefined);
    if (!stat) {
      skipped.push({ path: rootOption, reason: "corpus folder does not exist" });
      continue;
    }
    if (stat.isFile()) {
      const real = await fs.realpath(root).catch(() => root);
      if (!seenFiles.has(real)) {
        seenFiles.add(real);
        found.push({ absolutePath: root, displayPath: displayPathFor(root, baseDir) });
      }
    } else if (stat.isDirectory()) await walk(root, root);
  }
  if (capped) skipped.push({ path: options.roots.join(", "), reason: `more than ${maxFiles} files: only the first ${maxFiles} are indexed` });
  return found;
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOENT") return "file not found (deleted?)";
  if (code === "EISDIR") return "is a folder";
  return error instanceof Error ? error.message : String(error);
}

/** Builds a source document from text already in memory (tests, unsaved buffers). */
export function sourceFromText(displayPath: string, text: string, absolutePath = displayPath, mtimeMs = 0): SourceDocument {
  const isHtml = /\.html?$/i.test(displayPath);
  const normalized = normalizeSourceText(text);
  const raw = splitLines(isHtml ? htmlToText(normalized) : normalized);
  // Front matter is metadata (its title and date are used), link targets and URLs are not facts.
  const { lines, frontMatter } = isMarkdownLike(displayPath) ? proseLines(raw) : { lines: raw, frontMatter: undefined };
  const title = (frontMatter?.title ?? lines.find((line) => line.trim().length > 0) ?? path.basename(displayPath)).trim().slice(0, 200);
  const date = frontMatter?.date ?? findDocumentDate(lines);
  // The title is owned: as a cut of the file's text (front matter) it would keep the whole text alive beside its lines.
  return { path: displayPath, absolutePath, title: ownedCopy(title), ...(date ? { date } : {}), lines, size: text.length, mtimeMs };
}

/** Reads one source file; returns a SkippedFile (with the reason) when it cannot be used. `onPage`: how far a long PDF is. */
export async function loadSourceFile(absolutePath: string, displayPath: string, maxFileSize = DEFAULT_MAX_FILE_SIZE, onPage?: PageProgress): Promise<SourceDocument | SkippedFile> {
  let stat;
  try {
    stat = await fs.stat(absolutePath);
  } catch (error) {
    return { path: displayPath, reason: describeError(error) };
  }
  if (stat.isDirectory()) return { path: displayPath, reason: "is a folder" };
  if (stat.size === 0) return { path: displayPath, reason: "empty file" };
  if (stat.size > maxFileSize) return { path: displayPath, reason: `too large (${formatBytes(stat.size)}; the limit is ${formatBytes(maxFileSize)})` };
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(absolutePath);
  } catch (error) {
    return { path: displayPath, reason: `cannot read: ${describeError(error)}` };
  }
  const extracted = await readBinarySource(displayPath, bytes, onPage);
  if (extracted) return "reason" in extracted ? { path: displayPath, reason: extracted.reason } : sourceFromExtracted(displayPath, extracted, absolutePath, stat.size, stat.mtimeMs);
  const decoded = decodeBytes(bytes);
  if ("reason" in decoded) return { path: displayPath, reason: decoded.reason };
  if (decoded.text.trim().length === 0) return { path: displayPath, reason: "no text (only white space)" };
  return sourceFromText(displayPath, decoded.text, absolutePath, stat.mtimeMs);
}

export function isSkipped(result: SourceDocument | SkippedFile): result is SkippedFile {
  return "reason" in result;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

/** Loads every matching file under the roots. Files are read a few at a time. */
export async function loadCorpus(options: CorpusOptions): Promise<LoadedCorpus> {
  const baseDir = options.baseDir ?? process.cwd();
  const skipped: SkippedFile[] = [];
  const candidates = await listCandidates(options, baseDir, skipped);
  const documents: (SourceDocument | undefined)[] = new Array(candidates.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < candidates.length) {
      if (options.token?.isCancellationRequested) return;
      const index = next++;
      const candidate = candidates[index]!;
      const result = await loadSourceFile(candidate.absolutePath, candidate.displayPath, options.maxFileSize, (page, pages) =>
        options.onProgress?.(done, candidates.length, `${candidate.displayPath} (page ${page} of ${pages})`),
      );
      if (isSkipped(result)) skipped.push(result);
      else documents[index] = result;
      done++;
      options.onProgress?.(done, candidates.length, candidate.displayPath);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return { documents: documents.filter((d): d is SourceDocument => d !== undefined), skipped };
}
