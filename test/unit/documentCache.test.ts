import { test } from "node:test";
import assert from "node:assert/strict";
import { DocumentCache } from "../../src/server/documentCache.ts";
import { checkDocument } from "../../src/core/check/checker.ts";
import { sampleIndex } from "./helpers/corpus.ts";

const paragraphs = [
  "Korean investment in Vietnam totals $68 billion.",
  "Bilateral trade reached nearly $80 billion in 2023.",
  "Diplomatic relations began on December 22, 1992.",
];

test("Should re-check only the paragraph an edit touched, and keep the others' findings in place", async () => {
  const index = await sampleIndex();
  const cache = new DocumentCache();
  const text = paragraphs.join("\n\n");
  const first = cache.findings({ uri: "file:///d.md", version: 1, getText: () => text }, index, 1, []);
  assert.equal(cache.lastComputedParagraphs, 3);
  const edited = text.replace("$68 billion", "$67 billion");
  const second = cache.findings({ uri: "file:///d.md", version: 2, getText: () => edited }, index, 1, []);
  assert.equal(cache.lastComputedParagraphs, 1);
  assert.equal(second.length, first.length);
  assert.match(second.find((f) => f.range.start.line === 0)!.message, /not \$67 billion/);
  assert.deepEqual(second.filter((f) => f.range.start.line > 0), first.filter((f) => f.range.start.line > 0));
  // The same version again costs nothing; a new index version re-checks everything.
  cache.findings({ uri: "file:///d.md", version: 2, getText: () => edited }, index, 1, []);
  assert.equal(cache.lastComputedParagraphs, 0);
  cache.findings({ uri: "file:///d.md", version: 2, getText: () => edited }, index, 2, []);
  assert.equal(cache.lastComputedParagraphs, 3);
});

test("Should re-check only the sentence a keystroke changed, with every finding where a full check puts it", async () => {
  const index = await sampleIndex();
  const cache = new DocumentCache();
  // One paragraph over three lines, sentences starting mid-line, and a heading before it.
  const text = [
    "# Notes",
    "",
    "Korean investment in Vietnam totals $68 billion. Bilateral trade reached",
    "nearly $80 billion in 2023. Diplomatic relations began on December 22, 1992.",
    "Samsung employs about 160,000 workers in Vietnam.",
  ].join("\n");
  const open = cache.findings({ uri: "file:///d.md", version: 1, getText: () => text }, index, 1, []);
  assert.deepEqual(open, checkDocument(index, text));
  assert.ok(open.length >= 4, "the paragraph's figures are checked");
  // A letter typed inside "employs": that sentence changes, the three before it do not.
  const typed = text.replace("employs", "emploxys");
  const after = cache.findings({ uri: "file:///d.md", version: 2, getText: () => typed }, index, 1, []);
  assert.equal(cache.lastComputedParagraphs, 1);
  assert.equal(cache.lastComputedSentences, 1);
  assert.deepEqual(after, checkDocument(index, typed));
  // A figure changed in the first sentence is held to the sources again; the next sentence is
  // re-checked too, as it no longer starts from the source sentence the first was found in.
  const changed = typed.replace("$68 billion", "$67 billion");
  const third = cache.findings({ uri: "file:///d.md", version: 3, getText: () => changed }, index, 1, []);
  assert.ok(cache.lastComputedSentences < 4, `${cache.lastComputedSentences} of 4 sentences re-checked`);
  assert.deepEqual(third, checkDocument(index, changed));
  assert.match(third.find((f) => f.claimText === "$67 billion")!.message, /not \$67 billion/);
});
