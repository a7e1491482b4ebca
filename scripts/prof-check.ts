// Profiling aid: a generated corpus (bench/generate.ts) and a 5,000-word draft, checked once.
//   node --import tsx --cpu-prof scripts/prof-check.ts 5
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateCorpus, generateDraft, readArticles } from "../bench/generate.ts";
import { loadCorpus } from "../src/core/sources/corpus.ts";
import { CorpusIndex } from "../src/core/index/corpusIndex.ts";
import { checkDocument } from "../src/core/check/checker.ts";

const megabytes = Number(process.argv[2] ?? 5);
const articles = readArticles("corpus");
const dir = mkdtempSync(join(tmpdir(), "grounded-prof-"));
generateCorpus(articles, dir, megabytes, 1);
const draft = generateDraft(articles, 5000, 1);
void loadCorpus({ roots: [dir] }).then((corpus) => {
  let started = performance.now();
  const index = CorpusIndex.build(corpus.documents, corpus.skipped);
  console.log(`build ${(performance.now() - started).toFixed(0)} ms, ${index.sourceFigures.length} figures`);
  for (let i = 0; i < 2; i++) {
    started = performance.now();
    const findings = checkDocument(index, draft);
    console.log(`check ${(performance.now() - started).toFixed(0)} ms, ${findings.length} findings`);
  }
});
