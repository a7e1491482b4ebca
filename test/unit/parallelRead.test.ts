// Reading sources in worker threads must give the index a single thread gives: the same sentences,
// figures, names and verdicts, on the bundled corpus and (when present) on real releases of ../shared.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { loadCorpus, loadSourceFile, isSkipped } from "../../src/core/sources/corpus.ts";
import { CorpusIndex } from "../../src/core/index/corpusIndex.ts";
import { checkDocument } from "../../src/core/check/checker.ts";
import { readWorkerFile } from "../../src/core/sources/parallelRead.ts";
import { CancelledError } from "../../src/util/cancellation.ts";
import type { SourceDocument } from "../../src/core/types.ts";
import { bundledCorpus, repoRoot } from "./helpers/corpus.ts";

const shared = path.resolve(repoRoot, "..", "shared", "data", "wh-briefings");

/** Real releases: every 20th file of the benchmark's real slice, when ../shared is present. */
async function realReleases(): Promise<SourceDocument[]> {
  if (!existsSync(shared)) return [];
  const list = readFileSync(path.join(repoRoot, "bench", "real-slice.txt"), "utf8").trim().split("\n").filter((_, i) => i % 20 === 0);
  const documents: SourceDocument[] = [];
  for (const file of list) {
    const loaded = await loadSourceFile(path.join(shared, file), file, 10 * 1024 * 1024);
    if (!isSkipped(loaded)) documents.push(loaded);
  }
  return documents;
}

/** What a user sees of an index: sentences with figures and names, entities, skipped files. */
function observable(index: CorpusIndex): unknown {
  return JSON.parse(
    JSON.stringify({
      documents: index.documents.map((d) => d.path),
      skipped: index.skipped,
      sentences: index.sentences,
      figures: index.sourceFigures.map(({ sentence, figure, context }) => [sentence.id, figure, [...context.terms], [...context.sentenceTerms], context.time, context.isTarget, [...context.measures]]),
      names: index.names.all().map((e) => [e.key, e.kind, e.mentions.length]),
      // Readers work out each sentence's words for term statistics and the search: the same as here.
      termSentences: [...index.ownStatistics().sentencesWith].sort(),
      lowercaseWords: [...index.ownStatistics().lowercaseWords].sort(),
      search: ["trade", "economic growth", "President said", "billion dollars invest", "minist"].map((query) => index.search(query, { limit: 10 }).map((hit) => [hit.sentence.id, hit.score])),
    }),
  );
}

/** A draft from the sources' own sentences, every third figure changed (so some verdicts are contradictions). */
function draftFrom(index: CorpusIndex): string {
  const withFigures = index.sentences.filter((s) => s.figures.length > 0);
  const picked = withFigures.filter((_, i) => i % Math.max(1, Math.floor(withFigures.length / 60)) === 0).slice(0, 60);
  return picked.map((s, i) => (i % 3 === 2 ? s.text.replace(/\d+/, (d) => String(Number(d) + 7)) : s.text)).join("\n\n");
}

describe("reading sources in worker threads", { skip: readWorkerFile() === undefined ? "dist/readWorker.js is not built" : false }, () => {
  test("Should give the same sentences, figures, names and verdicts as one thread, on the bundled corpus and real releases", async () => {
    const bundled = await loadCorpus({ roots: [bundledCorpus], baseDir: repoRoot });
    const documents = [...bundled.documents, ...(await realReleases())];
    const single = CorpusIndex.build(documents);
    const parallel = await CorpusIndex.buildInSlices(documents, [], { threads: 2, parallelMinChars: 0 });
    assert.deepEqual(observable(parallel), observable(single));
    // One reader beside the main thread (a server on two cores) gives the same index too.
    const oneReader = await CorpusIndex.buildInSlices(documents, [], { threads: 1, parallelMinChars: 0 });
    assert.deepEqual(observable(oneReader), observable(single));
    const draft = draftFrom(single);
    const verdicts = checkDocument(single, draft);
    assert.ok(verdicts.some((f) => f.verdict === "contradicted"), "the draft has contradictions to compare");
    assert.deepEqual(checkDocument(parallel, draft), verdicts);
  });

  test("Should stop when cancelled, after reporting progress", async () => {
    const bundled = await loadCorpus({ roots: [bundledCorpus], baseDir: repoRoot });
    const documents = Array.from({ length: 40 }, () => bundled.documents).flat().map((d, i) => ({ ...d, path: `${i}-${d.path}` }));
    const token = { isCancellationRequested: false };
    const progress: number[] = [];
    const build = CorpusIndex.buildInSlices(documents, [], {
      threads: 2,
      parallelMinChars: 0,
      sliceMs: 0,
      token,
      onProgress: (done) => {
        progress.push(done);
        if (done >= 10) token.isCancellationRequested = true;
      },
    });
    await assert.rejects(build, CancelledError);
    assert.ok(progress.length > 0 && progress.at(-1)! < documents.length, `progress stopped early: ${progress.at(-1)}`);
  });
});
