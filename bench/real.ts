// Real corpora for the benchmark, from ../shared/data/wh-briefings when it is present (it is never
// copied into the project): a fixed 20 MB slice (bench/real-slice.txt: every 7th Markdown file of
// the sorted archive, 2,056 releases), and with --archive the whole archive. Drafts and queries are
// drawn from the same text.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import * as path from "node:path";

export const ARCHIVE = path.resolve(__dirname, "..", "..", "shared", "data", "wh-briefings");

export interface RealCorpus {
  label: string;
  dir: string;
  files: number;
  bytes: number;
  /** Prose paragraphs of the corpus, for drafts and queries. */
  articles: Array<{ title: string; paragraphs: string[] }>;
}

/** The slice's files, relative to the archive. */
function sliceFiles(): string[] {
  return readFileSync(path.join(__dirname, "real-slice.txt"), "utf8").trim().split("\n");
}

function listMarkdown(dir: string, relative = ""): string[] {
  return readdirSync(path.join(dir, relative), { withFileTypes: true })
    .flatMap((entry) => {
      const name = path.join(relative, entry.name);
      return entry.isDirectory() ? listMarkdown(dir, name) : entry.name.endsWith(".md") ? [name] : [];
    })
    .sort();
}

/** Paragraphs of a release that read as prose (no front matter, headings, lists, tables, links only). */
function proseParagraphs(text: string): string[] {
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, "");
  return body
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter((p) => /^[A-Z"“]/.test(p) && !/^[#|>*-]/.test(p) && !p.includes("](") && p.split(/\s+/).length >= 12);
}

/**
 * A workspace whose corpus/ holds the real slice (copied, so its size is what is measured) or the
 * whole archive (linked). Undefined when ../shared is absent.
 */
export function realCorpus(workspace: string, which: "slice" | "archive"): RealCorpus | undefined {
  if (!existsSync(ARCHIVE)) return undefined;
  const corpusDir = path.join(workspace, "corpus");
  rmSync(corpusDir, { recursive: true, force: true });
  mkdirSync(workspace, { recursive: true });
  const files = which === "slice" ? sliceFiles() : listMarkdown(ARCHIVE);
  if (which === "slice") {
    for (const file of files) {
      mkdirSync(path.dirname(path.join(corpusDir, file)), { recursive: true });
      copyFileSync(path.join(ARCHIVE, file), path.join(corpusDir, file));
    }
  } else symlinkSync(ARCHIVE, corpusDir);
  const bytes = files.reduce((sum, file) => sum + statSync(path.join(ARCHIVE, file)).size, 0);
  const label = which === "slice" ? "real 20 MB" : "real archive";
  return { label, dir: corpusDir, files: files.length, bytes, articles: articlesOf(files) };
}

/** Prose paragraphs for drafts and queries: every 5th release gives them (plenty, and quick to read). */
function articlesOf(files: readonly string[]): RealCorpus["articles"] {
  return files
    .filter((_, i) => i % 5 === 0)
    .map((file) => ({ title: file, paragraphs: proseParagraphs(readFileSync(path.join(ARCHIVE, file), "utf8")) }))
    .filter((a) => a.paragraphs.length > 0);
}

/** The slice's paragraphs for drafts and queries, without copying it (undefined when ../shared is absent). */
export function realSliceArticles(): RealCorpus["articles"] | undefined {
  return existsSync(ARCHIVE) ? articlesOf(sliceFiles()) : undefined;
}
