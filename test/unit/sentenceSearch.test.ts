import { test } from "node:test";
import assert from "node:assert/strict";
import { deserialize, serialize } from "node:v8";
import { SentenceSearch, type SentenceSearchBuffers } from "../../src/core/index/sentenceSearch.ts";

const SENTENCES = [
  "Prime Minister Phạm Minh Chính met the Korean delegation in Hanoi.",
  "Trade between the two countries reached US$87 billion in 2023.",
  "The trade surplus narrowed in 2024.",
  "Samsung is the largest investor in Vietnam.",
  "Surplus stock was sold at a discount.",
  "The minister said that trade would keep growing.",
];

function searchOf(sentences: readonly string[]): SentenceSearch {
  const search = new SentenceSearch();
  sentences.forEach((text, id) => search.add(id, text));
  search.finish();
  return search;
}

const ids = (search: SentenceSearch, query: string, options: { fuzzy?: boolean } = {}) => search.search(query, { limit: 10, ...options }).map((m) => m.id);

test("Should find a name whatever its diacritics, both ways", () => {
  const search = searchOf(SENTENCES);
  assert.deepEqual(ids(search, "Pham Minh Chinh"), [0]);
  assert.deepEqual(ids(searchOf(["Pham Minh Chinh spoke."]), "Phạm Minh Chính"), [0]);
  assert.deepEqual(ids(search, "PHAM"), [0], "case does not matter either");
});

test("Should complete the last word being typed, and only the last", () => {
  const search = searchOf(SENTENCES);
  assert.deepEqual(ids(search, "Samsung larg"), [3]);
  assert.deepEqual(new Set(ids(search, "surp")), new Set([2, 4]));
  assert.deepEqual(ids(search, "surp Samsung"), [3], "a word before the last must be whole");
  assert.deepEqual(ids(search, "su"), [], "two letters are too few to complete");
  const [match] = search.search("delega", { limit: 1 });
  assert.deepEqual(match?.terms, ["delegation"], "the completed term is reported for highlighting");
});

test("Should rank a sentence with both words above those with one", () => {
  const found = ids(searchOf(SENTENCES), "trade surplus");
  assert.equal(found[0], 2);
  assert.deepEqual(new Set(found), new Set([1, 2, 4, 5]));
});

test("Should rank a short sentence with the word above a long one with it once", () => {
  const search = searchOf(["Exports grew strongly in the first quarter of the year, led by phones and textiles and rice.", "Exports grew."]);
  assert.deepEqual(ids(search, "exports"), [1, 0]);
});

test("Should ignore stop words and find nothing for an empty query", () => {
  const search = searchOf(SENTENCES);
  assert.deepEqual(ids(search, ""), []);
  assert.deepEqual(ids(search, "   "), []);
  assert.deepEqual(ids(search, "the of and in"), []);
  assert.deepEqual(ids(search, "the Samsung of"), ids(search, "Samsung"));
  assert.deepEqual(search.search("the Samsung", { limit: 5 })[0]?.terms, ["samsung"]);
});

test("Should tolerate a typo in a long word on a small corpus", () => {
  const search = searchOf(SENTENCES);
  assert.deepEqual(ids(search, "delegatoin"), [0]);
  assert.deepEqual(ids(search, "delegatoin", { fuzzy: false }), []);
  assert.deepEqual(ids(search, "tarde"), [], "short words must be spelt right");
});

test("Should return at most `limit` matches, best first", () => {
  const search = searchOf(Array.from({ length: 50 }, (_, i) => `Report ${i}: ${"trade ".repeat(1 + (i % 5))}figures.`));
  const matches = search.search("trade", { limit: 7 });
  assert.equal(matches.length, 7);
  for (let i = 1; i < matches.length; i++) assert.ok(matches[i - 1]!.score >= matches[i]!.score);
  assert.deepEqual(search.search("trade", { limit: 0 }), []);
});

test("Should answer the same after a round trip through v8-serialised buffers", () => {
  const search = searchOf(SENTENCES);
  const restored = SentenceSearch.fromBuffers(deserialize(serialize(search.toBuffers())) as SentenceSearchBuffers);
  for (const query of ["trade surplus", "Pham Minh", "delegatoin", "surp", "Samsung larg"]) {
    const before = search.search(query, { limit: 5 });
    assert.ok(before.length > 0, query);
    assert.deepEqual(restored.search(query, { limit: 5 }), before, query);
  }
});

test("Should refuse sentences out of order or after finishing, so ids always name the right sentence", () => {
  const search = new SentenceSearch();
  assert.throws(() => search.add(1, "a sentence"), /expected sentence 0/);
  search.add(0, "a sentence");
  search.finish();
  assert.throws(() => search.add(1, "another"), /finished/);
  assert.deepEqual(new SentenceSearch().search("anything", { limit: 5 }), [], "an empty index finds nothing");
});

test("Should match with a typo exactly the words a letter-by-letter comparison allows, among many words that begin alike", () => {
  // Words sorted next to each other share their beginnings, which the typo search reuses.
  const words = ["delegation", "delegations", "delegate", "delegated", "delegator", "delegatoin", "deregulation", "relegation", "delegacion", "dele", "delegationary", "legation", "delegationz", "abdelegation", "zdelegation"];
  const search = searchOf(words.map((word) => `The ${word} arrived.`));
  const distance = (a: string, b: string) => {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row = next;
    }
    return row[b.length]!;
  };
  for (const query of ["delegation", "delegatoin", "deleagtion", "relegatoin", "delegatorz"]) {
    const allowed = Math.min(6, Math.round(query.length * 0.2));
    // Not the last word of a query: no prefix matches, only exact and typo ones.
    const expected = words.map((word, id) => ({ word, id })).filter(({ word }) => distance(word, query) <= allowed).map(({ id }) => id).sort((a, b) => a - b);
    const found = search.search(`${query} arrived`, { limit: 50, fuzzy: true }).filter((m) => m.terms.some((t) => t !== "arrived")).map((m) => m.id).sort((a, b) => a - b);
    assert.deepEqual(found, expected, query);
  }
});
