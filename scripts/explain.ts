// Debug aid: prints, for each figure of a sentence, the source candidates the checker weighed.
//   npm run explain -- [--corpus DIR]... "Korea ranks as Vietnam's largest trading partner."
// Without --corpus: the bundled sample corpus (said on the first line).
import { parseArgs } from "../src/cli/args.ts";
import { bundledCorpusDir, loadCorpus } from "../src/core/sources/corpus.ts";
import { CorpusIndex } from "../src/core/index/corpusIndex.ts";
import { analyzeSentence, candidateScope, candidatesFor, checkDocument, similarity } from "../src/core/check/checker.ts";
import { readDraft } from "../src/core/check/draft.ts";
import { unitsCompatible, timesCompatible } from "../src/core/check/compare.ts";

async function main() {
  const args = parseArgs(process.argv.slice(2), { "--corpus": { value: true, repeatable: true } });
  const text = args.positionals.join(" ");
  const roots = args.flags.get("--corpus") ?? [bundledCorpusDir()];
  const corpus = await loadCorpus({ roots });
  console.log(`corpus: ${roots.join(", ")} (${corpus.documents.length} sources)`);
  const index = CorpusIndex.build(corpus.documents);
  const { paragraphs, starts } = readDraft(text);
  for (const sentence of paragraphs.flatMap((p) => p.sentences)) {
    const { figures, names } = analyzeSentence(index, sentence, starts);
    console.log("names:", names.map((n) => `${n.text}->${n.key}${n.title ? `[${n.title}]` : ""}`).join(", "));
    for (const draft of figures) {
      const c = draft.context;
      console.log(`\n${draft.figure.kind} "${draft.figure.text}" value=${draft.figure.value} unit=${draft.figure.unit} time=${c.time ? `${c.time.preposition ?? ""} ${c.time.from}-${c.time.to}` : "-"} target=${c.isTarget} measures=[${[...c.measures]}] caps=[${c.capitalizedWords}]`);
      const scope = candidateScope(index, draft);
      console.log("  scope:", scope ? `subjects=[${scope.subjects}] names=${JSON.stringify(scope.names)}` : "a subject no source names (no candidates)");
      console.log("  terms:", [...c.terms].map(([t, w]) => `${t}:${w.toFixed(2)}`).join(" "));
      const scored = index.figures(draft.figure.kind)
        .filter((s) => unitsCompatible(draft.figure, s.figure))
        .map((s) => ({ s, sim: similarity(index, c, s.context), time: timesCompatible(c, s.context) }))
        .sort((a, b) => b.sim - a.sim)
        .slice(0, 6);
      for (const { s, sim, time } of scored) {
        console.log(`  ${sim.toFixed(3)} ${time ? "   " : "!t "} ${s.figure.text} (${s.sentence.path}:${s.sentence.line + 1}) time=${s.context.time ? s.context.time.from : "-"} target=${s.context.isTarget} measures=[${[...s.context.measures]}]`);
      }
      // What the checker kept of them (speaking for the draft, or a source's correction of a number it denies).
      for (const kept of candidatesFor(index, draft, { ignoreTime: false }).slice(0, 4)) {
        console.log(`  kept ${kept.similarity.toFixed(3)} ${kept.correction ? "correction " : ""}${kept.source.figure.text} (${kept.source.sentence.path}:${kept.source.sentence.line + 1})`);
      }
    }
  }
  for (const f of checkDocument(index, text)) console.log(`\n=> ${f.verdict} [${f.claimText}]: ${f.message}`);
}
void main();
