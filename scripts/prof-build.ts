import { loadCorpus } from "../src/core/sources/corpus.ts";
import { CorpusIndex } from "../src/core/index/corpusIndex.ts";
loadCorpus({ roots: ["/tmp/big"] }).then((c) => {
  const t = performance.now();
  const index = CorpusIndex.build(c.documents, c.skipped);
  const ms = performance.now() - t;
  const mb = c.documents.reduce((s, d) => s + d.size, 0) / 1e6;
  console.log(`build ${ms.toFixed(0)} ms for ${mb.toFixed(1)} MB = ${(mb / (ms / 1000)).toFixed(2)} MB/s; ${index.sourceFigures.length} figures`);
});
