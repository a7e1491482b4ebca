import { test } from "node:test";
import assert from "node:assert/strict";
import { TermStatistics } from "../../src/core/index/termStatistics.ts";

function table(): TermStatistics {
  const terms = new TermStatistics();
  terms.add(0, 0, ["trade", "trade", "surplus"]);
  terms.add(1, 0, ["trade"]);
  terms.add(1, 0, ["@samsung"], true);
  terms.add(2, 3, ["trade", "rice"]);
  terms.finish();
  return terms;
}

test("Should count a term once per sentence, whatever how often the sentence repeats it", () => {
  const terms = table();
  assert.equal(terms.sentenceCount("trade"), 3);
  assert.equal(terms.sentenceCount("surplus"), 1);
  assert.equal(terms.sentenceCount("@samsung"), 1);
  assert.equal(terms.sentenceCount("unknown"), 0);
  assert.equal(terms.has("rice"), true);
  assert.equal(terms.has("unknown"), false);
});

test("Should list the documents using a word once each, ascending, and none for names counted by sentence only", () => {
  const terms = table();
  assert.deepEqual([...terms.documentsUsing("trade")], [0, 3]);
  assert.deepEqual([...terms.documentsUsing("rice")], [3]);
  assert.deepEqual([...terms.documentsUsing("@samsung")], []);
  assert.deepEqual([...terms.documentsUsing("unknown")], []);
});

test("Should refuse terms after it is finished, so the packed lists stay whole", () => {
  assert.throws(() => table().add(3, 4, ["late"]), /finished/);
});
