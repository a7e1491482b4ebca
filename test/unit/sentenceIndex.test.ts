import { test } from "node:test";
import assert from "node:assert/strict";
import { SentenceIndex, withinEdits } from "../../src/core/sentenceIndex.ts";
import { tokenize } from "../../src/core/normalize.ts";
import { STOPWORDS } from "../../src/core/terms.ts";
import { sampleIndex } from "./helpers/corpus.ts";
import { restoreIndex, snapshotIndex } from "../../src/core/indexSnapshot.ts";

const termsOf = (text: string) => tokenize(text).filter((t) => t.length > 0 && !STOPWORDS.has(t));

function indexOf(sentences: string[]): SentenceIndex {
  const index = new SentenceIndex(termsOf);
  sentences.forEach((text, id) => index.add(id, text));
  index.finish();
  return index;
}

const sentences = [
  "Prime Minister Phạm Minh Chính met the delegation.",
  "Trade between the two countries reached US$87 billion.",
  "The trade surplus narrowed in 2024.",
  "Samsung is the largest investor.",
  "Surplus stock was sold.",
];
const ids = (index: SentenceIndex, query: string, fuzzy = 0) => index.search(query, { limit: 10, prefixFrom: 3, fuzzy }).map((h) => h.id);

test("Should find a name whatever its diacritics", () => {
  assert.deepEqual(ids(indexOf(sentences), "Pham Minh Chinh"), [0]);
});

test("Should rank a sentence with both words above those with one", () => {
  const found = ids(indexOf(sentences), "trade surplus");
  assert.equal(found[0], 2);
  assert.deepEqual([...found].sort(), [1, 2, 4]);
});

test("Should complete only the last word being typed", () => {
  const index = indexOf(sentences);
  assert.deepEqual(ids(index, "Samsung larg"), [3]);
  assert.deepEqual(ids(index, "surp"), [4, 2]);
  assert.deepEqual(ids(index, "surp Samsung"), [3], "a prefix in the middle of a query is a whole word");
});

test("Should tolerate a typo in a long word only when asked", () => {
  const index = indexOf(sentences);
  assert.deepEqual(ids(index, "delegatoin"), []);
  assert.deepEqual(ids(index, "delegatoin", 0.2), [0]);
  assert.ok(withinEdits("investment", "investmnt", 1));
  assert.ok(!withinEdits("investment", "invest", 2));
});

test("Should find nothing for an empty query or one of stop words only", () => {
  const index = indexOf(sentences);
  assert.deepEqual(ids(index, ""), []);
  assert.deepEqual(ids(index, "the of and"), []);
});

test("Should answer the same after a round trip through the persisted index", async () => {
  const index = await sampleIndex();
  const restored = restoreIndex(snapshotIndex(index));
  for (const query of ["trade target 2030", "Pham Minh", "investmnt"]) {
    const before = index.search(query, { limit: 5 }).map((h) => [h.sentence.id, h.score, h.highlights]);
    assert.ok(before.length > 0, query);
    assert.deepEqual(restored.search(query, { limit: 5 }).map((h) => [h.sentence.id, h.score, h.highlights]), before, query);
  }
});

test("Should refuse sentences added out of order, so ids always name the right sentence", () => {
  const index = new SentenceIndex(termsOf);
  assert.throws(() => index.add(1, "a sentence"), /out of order/);
});
