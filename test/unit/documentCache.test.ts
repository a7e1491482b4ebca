import { test } from "node:test";
import assert from "node:assert/strict";
import { DocumentCache } from "../../src/server/documentCache.ts";
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
