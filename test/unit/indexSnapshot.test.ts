import { test } from "node:test";
import assert from "node:assert/strict";
import { restoreIndex, snapshotIndex } from "../../src/core/store/indexSnapshot.ts";
import { checkDocument, sourceDisagreements } from "../../src/core/check/checker.ts";
import { sampleIndex } from "./helpers/corpus.ts";

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
