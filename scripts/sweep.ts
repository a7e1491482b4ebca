// `npm run sweep [DATA_DIR] [--words N]`: indexes every folder of real text (default ../shared/data)
// with the engine, checks a draft against each, and prints files read, files skipped by reason,
// internal errors and times per folder. Any internal error (a file the engine fails on, or a failed
// check) is named with its error and makes the exit status 1: the sweep exists to find them.
// The draft is spliced in memory from the folder's own sentences (some figures changed); nothing
// read here is written anywhere.
import { existsSync, readdirSync, statSync } from "node:fs";
import * as path from "node:path";
import { loadCorpus } from "../src/core/sources/corpus.ts";
import { CorpusIndex } from "../src/core/index/corpusIndex.ts";
import { checkDocument } from "../src/core/check/checker.ts";
import type { SourceDocument, SkippedFile } from "../src/core/types.ts";

/** The reason the index gives a file its engine failed on (corpusIndex.readDocument). */
const INTERNAL_ERROR = /internal error/i;

interface FolderResult {
  folder: string;
  filesRead: number;
  skippedByReason: Map<string, number>;
  internalErrors: string[];
  verdicts: Map<string, number>;
  draftWords: number;
  loadMs: number;
  indexMs: number;
  checkMs: number;
  /** Processor time, which a busy machine does not inflate as it does the wall-clock times. */
  cpuMs: number;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.message}${error.stack ? ` @ ${error.stack.split("\n")[1]?.trim() ?? ""}` : ""}` : String(error);
}

/** Kinds of reason, without the sizes and paths that make each one unique. */
function reasonKind(reason: string): string {
  return reason.replace(/\(.*?\d.*?\)/g, "(…)").replace(/\d[\d.,]*\s*(bytes|KB|MB|GB)?/g, "N").slice(0, 80);
}

/** Builds the index; if the build itself throws, finds the files it throws on and builds without them. */
function buildIsolating(documents: readonly SourceDocument[], skipped: readonly SkippedFile[], errors: string[]): CorpusIndex {
  try {
    return CorpusIndex.build(documents, skipped);
  } catch (error) {
    errors.push(`index build failed as a whole: ${describe(error)}; looking for the files…`);
    const good: SourceDocument[] = [];
    for (const document of documents) {
      try {
        CorpusIndex.build([document]);
        good.push(document);
      } catch (fileError) {
        errors.push(`${document.path}: ${describe(fileError)}`);
      }
    }
    return CorpusIndex.build(good, skipped);
  }
}

/** A Markdown draft of about `words` words from the index's sentences with figures, every third figure changed. */
function spliceDraft(index: CorpusIndex, words: number): string {
  const withFigures = index.sentences.filter((s) => s.figures.length > 0 && s.text.length < 600);
  if (withFigures.length === 0) return "";
  const step = Math.max(1, Math.floor(withFigures.length / (words / 20)));
  const out: string[] = ["# Sweep draft", ""];
  let count = 0;
  for (let i = 0, n = 0; count < words && n < withFigures.length * 2; i = (i + step) % withFigures.length, n++) {
    let sentence = withFigures[i]!.text;
    if (n % 3 === 2) sentence = sentence.replace(/\d+/, (digits) => String(Number(digits) + 7));
    if (n % 12 === 0) out.push(`## Part ${n / 12 + 1}`, "");
    out.push(n % 5 === 4 ? `- ${sentence}` : sentence, "");
    count += sentence.split(/\s+/).length;
  }
  return out.join("\n");
}

/** Checks the draft; if the check throws, checks paragraph by paragraph to name the ones that fail. */
function checkIsolating(index: CorpusIndex, draft: string, errors: string[], verdicts: Map<string, number>): void {
  try {
    for (const finding of checkDocument(index, draft)) verdicts.set(finding.verdict, (verdicts.get(finding.verdict) ?? 0) + 1);
  } catch (error) {
    errors.push(`draft check failed: ${describe(error)}`);
    for (const paragraph of draft.split(/\n\n+/)) {
      try {
        checkDocument(index, paragraph);
      } catch (paragraphError) {
        errors.push(`draft paragraph fails: ${JSON.stringify(paragraph.slice(0, 160))}: ${describe(paragraphError)}`);
      }
    }
  }
}

async function sweepFolder(folder: string, words: number): Promise<FolderResult> {
  const internalErrors: string[] = [];
  const verdicts = new Map<string, number>();
  const cpuStart = process.cpuUsage();
  let t = performance.now();
  const loaded = await loadCorpus({ roots: [folder], baseDir: folder });
  const loadMs = performance.now() - t;
  t = performance.now();
  const index = buildIsolating(loaded.documents, loaded.skipped, internalErrors);
  const indexMs = performance.now() - t;
  const skippedByReason = new Map<string, number>();
  for (const skipped of index.skipped) {
    if (INTERNAL_ERROR.test(skipped.reason)) internalErrors.push(`${skipped.path}: ${skipped.reason}`);
    else skippedByReason.set(reasonKind(skipped.reason), (skippedByReason.get(reasonKind(skipped.reason)) ?? 0) + 1);
  }
  const draft = spliceDraft(index, words);
  t = performance.now();
  if (draft) checkIsolating(index, draft, internalErrors, verdicts);
  const checkMs = performance.now() - t;
  const cpu = process.cpuUsage(cpuStart);
  return {
    folder: path.basename(folder), filesRead: index.documents.length, skippedByReason, internalErrors, verdicts,
    draftWords: draft ? draft.split(/\s+/).length : 0, loadMs, indexMs, checkMs, cpuMs: (cpu.user + cpu.system) / 1000,
  };
}

function print(result: FolderResult): void {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const skipped = [...result.skippedByReason].reduce((n, [, count]) => n + count, 0);
  console.log(`\n${result.folder}: ${result.filesRead} files read, ${skipped} skipped, ${result.internalErrors.length} internal errors`);
  console.log(`  time: load ${seconds(result.loadMs)}, index ${seconds(result.indexMs)}, check of a ${result.draftWords}-word draft ${seconds(result.checkMs)}; processor time for the folder ${seconds(result.cpuMs)}`);
  for (const [reason, count] of [...result.skippedByReason].sort((a, b) => b[1] - a[1])) console.log(`  skipped ${String(count).padStart(5)}  ${reason}`);
  console.log(`  draft verdicts: ${[...result.verdicts].map(([verdict, count]) => `${count} ${verdict}`).join(", ") || "none"}`);
  for (const error of result.internalErrors) console.log(`  INTERNAL ERROR ${error}`);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const wordsAt = args.indexOf("--words");
  const words = wordsAt >= 0 ? Number(args.splice(wordsAt, 2)[1]) : 5000;
  const dataDir = path.resolve(args[0] ?? path.join(__dirname, "..", "..", "shared", "data"));
  if (!existsSync(dataDir)) {
    console.log(`sweep: ${dataDir} is not there; nothing to sweep`);
    return 0;
  }
  const folders = readdirSync(dataDir).map((name) => path.join(dataDir, name)).filter((p) => statSync(p).isDirectory()).sort();
  const started = performance.now();
  let errors = 0;
  for (const folder of folders) {
    let result: FolderResult;
    try {
      result = await sweepFolder(folder, words);
    } catch (error) {
      // Only reading the folder itself can get here; every file's failure is caught above.
      console.log(`\n${path.basename(folder)}: INTERNAL ERROR the folder could not be swept: ${describe(error)}`);
      errors++;
      continue;
    }
    print(result);
    errors += result.internalErrors.length;
  }
  console.log(`\nsweep: ${folders.length} folders, ${errors} internal errors, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return errors > 0 ? 1 : 0;
}

main().then((code) => {
  process.exitCode = code;
});
