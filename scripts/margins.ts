// Debug aid: for labelled cases, the best similarity of a same-kind source figure per verdict,
// to see how far the contradiction threshold sits from the unverifiable traps.
import * as path from "node:path";
import { readFileSync } from "node:fs";
import { loadCorpus } from "../src/core/sources/corpus.ts";
import { CorpusIndex } from "../src/core/index/corpusIndex.ts";
import { analyzeSentence, checkDocument, similarity } from "../src/core/check/checker.ts";
import { readDraft } from "../src/core/check/draft.ts";
import { unitsCompatible, timesCompatible, sameStatedTime } from "../src/core/check/compare.ts";

async function main() {
  const corpus = await loadCorpus({ roots: [path.resolve("corpus")] });
  const index = CorpusIndex.build(corpus.documents);
  for (const file of process.argv.slice(2)) {
    for (const line of readFileSync(file, "utf8").split("\n").filter(Boolean)) {
      const c = JSON.parse(line) as { id: string; text: string; figures: Array<{ span: string; label: string }> };
      const { paragraphs, starts } = readDraft(c.text);
      const findings = checkDocument(index, c.text);
      for (const sentence of paragraphs.flatMap((p) => p.sentences)) {
        for (const d of analyzeSentence(index, sentence, starts).figures) {
          const label = c.figures.find((f) => c.text.indexOf(f.span) < d.figure.end && c.text.indexOf(f.span) + f.span.length > d.figure.start)?.label ?? "-";
          const sims = index.figures(d.figure.kind).filter((s) => unitsCompatible(d.figure, s.figure) && timesCompatible(d.context, s.context) && (!d.context.time || sameStatedTime(d.context, s.context))).map((s) => similarity(index, d.context, s.context));
          const best = Math.max(0, ...sims);
          const verdict = findings.find((f) => f.range.start.character === d.figure.start)?.verdict ?? "?";
          console.log(`${label.padEnd(13)} ${verdict.padEnd(13)} ${best.toFixed(3)} ${c.id} "${d.figure.text}"`);
        }
      }
    }
  }
}
void main();
