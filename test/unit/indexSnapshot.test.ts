import { test } from "node:test";
import assert from "node:assert/strict";
import { restoreIndex, snapshotIndex } from "../../src/core/store/indexSnapshot.ts";
import { checkDocument, sourceDisagreements } from "../../src/core/check/checker.ts";
import { sampleIndex } from "./helpers/corpus.ts";
import { CorpusIndex } from "../../src/core/index/corpusIndex.ts";
import { sourceFromText } from "../../src/core/sources/corpus.ts";
import { paragraphsOf } from "../../src/core/sources/paragraphs.ts";
import { splitSentences } from "../../src/core/sources/sentences.ts";

const draft = [
  "Trade between Vietnam and South Korea reached US$87 billion in 2023, and the two sides target $150 billion by 2030.",
  "Prime Minister Pham Minh Chinh met President Yoon Suk Yeol; Samsung invested $22.4 billion.",
  "South Korea is Vietnam's second-largest trading partner and largest foreign investor.",
].join("\n\n");

/** As plain JSON data: a field set to undefined and a missing one are the same to every reader. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_key, v: unknown) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v)));

test("Should restore an index that checks, hovers and searches exactly like the one saved", async () => {
  const index = await sampleIndex();
  index.figures("money"); // a lazily built cache must not travel
  const restored = restoreIndex(Buffer.concat([...snapshotIndex(index)]));
  assert.deepEqual(plain(restored.sentences), plain(index.sentences));
  assert.deepEqual(plain(restored.documents), plain(index.documents));
  const figures = (i: typeof index) => plain(i.sourceFigures.map((s) => [s.sentence.id, s.figure, s.context.terms, s.context.time, s.context.isTarget, s.context.measures, s.context.sentenceTerms]));
  assert.deepEqual(figures(restored), figures(index));
  assert.deepEqual(plain(restored.names.all()), plain(index.names.all()));
  // Short forms lead to the same full names ("Chinh" -> Pham Minh Chinh).
  const aliases = index.names.all().flatMap((entity) => entity.aliases);
  assert.ok(aliases.length > 0, "the sample has aliases to compare");
  assert.deepEqual(aliases.map((alias) => restored.names.resolveAlias(alias)), aliases.map((alias) => index.names.resolveAlias(alias)));
  assert.deepEqual(checkDocument(restored, draft), checkDocument(index, draft));
  assert.deepEqual(sourceDisagreements(restored), sourceDisagreements(index));
  assert.deepEqual(restored.search("Samsung invest", { limit: 5 }), index.search("Samsung invest", { limit: 5 }));
  const fitting = (i: typeof index) => plain(i.figuresFitting("Trade between the two countries reached", { limit: 5 }).map((f) => [f.figure, f.sentence.id, f.score]));
  assert.deepEqual(fitting(restored), fitting(index));
});

test("Should refuse a snapshot cut short rather than restore part of an index", async () => {
  const bytes = Buffer.concat([...snapshotIndex(await sampleIndex())]);
  assert.throws(() => restoreIndex(bytes.subarray(0, bytes.length - 10)), /cut short/);
  assert.throws(() => restoreIndex(bytes.subarray(0, bytes.length - 5)), /cut short/, "cut at the last frame's start");
});

test("Should share one sentence string between a sentence and the mentions in it, not copies", async () => {
  const restored = restoreIndex(Buffer.concat([...snapshotIndex(await sampleIndex())]));
  const sentence = restored.sentences.find((s) => s.names.length > 0)!;
  const mention = restored.names.get(sentence.names[0]!.key)!.mentions.find((m) => m.sentence === sentence.text);
  assert.ok(mention, "the mention keeps its sentence");
  const figure = restored.sourceFigures.find((s) => s.context.time)!;
  assert.ok(figure.sentence.figures.includes(figure.context.time!.figure), "a figure's time is one of its sentence's figures");
});

test("Should give every sentence of a hard-wrapped source in any script the text its paragraph reads, built or restored", () => {
  // Curly quotes, diacritics and a character outside the BMP: stored as UTF-8, cut from lines on demand.
  const lines = [
    "Prime Minister Phạm Minh Chính said “trade reached",
    "US$87 billion in 2023” and 🚢 shipping rose 12 percent over",
    "the year. Exports to Korea grew 8 percent.",
    "",
    "Samsung’s plant in Bắc Ninh employs 60,000 workers.",
  ];
  const index = CorpusIndex.build([sourceFromText("wrapped.md", lines.join("\n"))]);
  const restored = restoreIndex(Buffer.concat([...snapshotIndex(index)]));
  const expected = paragraphsOf(lines).flatMap((paragraph) => splitSentences(paragraph.text).map((span) => paragraph.text.slice(span.start, span.end)));
  for (const built of [index, restored]) {
    assert.deepEqual(built.sentences.map((s) => s.text), expected);
    // Each later line of a sentence starts where its breaks say.
    for (const s of built.sentences) for (const [k, at] of (s.breaks ?? []).entries()) assert.ok(lines[s.line + k + 1]!.startsWith(s.text.slice(at, at + 5)), `line ${s.line + k + 1} at ${at} of "${s.text}"`);
  }
  assert.ok(index.sentences.some((s) => (s.breaks?.length ?? 0) > 0), "a sentence runs across lines");
});
