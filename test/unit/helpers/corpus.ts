// Shared test helpers: the bundled corpus, built once per test file.
import * as path from "node:path";
import { loadCorpus } from "../../../src/core/sources/corpus.ts";
import { CorpusIndex } from "../../../src/core/index/corpusIndex.ts";
import { sourceFromText } from "../../../src/core/sources/corpus.ts";

export const repoRoot = path.resolve(__dirname, "..", "..", "..");
export const bundledCorpus = path.join(repoRoot, "corpus");

let cached: Promise<CorpusIndex> | undefined;

/** The index over the bundled sample corpus, with display paths like "corpus/000_….txt". */
export function sampleIndex(): Promise<CorpusIndex> {
  cached ??= loadCorpus({ roots: [bundledCorpus], baseDir: repoRoot }).then((c) => CorpusIndex.build(c.documents, c.skipped));
  return cached;
}

/** An index over sources given inline: `indexOf({ "a.txt": "text" })`. */
export function indexOf(files: Record<string, string>): CorpusIndex {
  return CorpusIndex.build(Object.entries(files).map(([name, text]) => sourceFromText(name, text)));
}

export { joinLines } from "./text.ts";
