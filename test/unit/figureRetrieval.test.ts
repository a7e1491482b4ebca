import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import type { FigureContext } from "../../src/core/extract/figureContext.ts";
import { bestFirst, FigureRetrieval } from "../../src/core/index/figureRetrieval.ts";
import { similarity } from "../../src/core/index/similarity.ts";
import type { FigureKind } from "../../src/core/types.ts";

const words = ["trade", "export", "vietnam", "korea", "surplus", "samsung", "invest", "target", "growth", "aid"];
const idfs = new Map(words.map((word, i) => [word, i === 2 ? 0 : 0.5 + i / 3]));
const rarity = { idf: (term: string) => idfs.get(term) ?? 0 };

function context(terms: Array<[string, number]>, extra: Partial<FigureContext> = {}): FigureContext {
  return { terms: new Map(terms), measures: new Set(), sentenceTerms: new Set(terms.map(([t]) => t)), isTarget: false, capitalizedWords: [], ...extra };
}

const arbitraryContext = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...words, "unknown"), fc.double({ min: 0.05, max: 1, noNaN: true })), { selector: ([t]) => t, maxLength: 8 })
  .map((terms) => context(terms));
const arbitraryKind = fc.constantFrom<FigureKind>("money", "percent", "date");

test("Should find exactly the figures a pairwise similarity would, with the same scores", () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(arbitraryKind, arbitraryContext), { maxLength: 30 }), arbitraryContext, arbitraryKind, fc.double({ min: 0.01, max: 0.9, noNaN: true }), fc.boolean(), (figures, draft, kind, minimum, bothWays) => {
      const retrieval = FigureRetrieval.build(figures.map(([k, c]) => ({ kind: k, unit: "", document: 0, context: c })), rarity);
      const found = new Map(retrieval.related(draft, rarity, { minimum, kind, bothWays }).map((s) => [s.index, s.score]));
      figures.forEach(([k, c], i) => {
        const expected = Math.max(similarity(rarity, draft, c), bothWays ? similarity(rarity, c, draft) : 0);
        if (k === kind && expected >= minimum + 1e-9) assert.ok(Math.abs(found.get(i)! - expected) < 1e-9, `figure ${i} scored ${found.get(i)}, expected ${expected}`);
        if (k !== kind || expected < minimum - 1e-9) assert.ok(!found.has(i), `figure ${i} should not be found`);
      });
    }),
    { numRuns: 300 },
  );
});

test("Should keep only goals or outcomes, figures of the same or no time, of a unit, of some documents, when asked", () => {
  const terms: Array<[string, number]> = [["trade", 1], ["surplus", 0.5]];
  const year = (from: number) => ({ from, to: from, figure: { kind: "date" as const, text: String(from), start: 0, end: 4, value: from * 10000, unit: "date", qualifier: "exact" as const } });
  const figures = [context(terms), context(terms, { isTarget: true }), context(terms, { time: year(2023) }), context(terms, { time: year(2025) })];
  const retrieval = FigureRetrieval.build(figures.map((c, i) => ({ kind: "money", unit: i === 3 ? "KRW" : "USD", document: i % 2, context: c })), rarity);
  const indexes = (query: Parameters<FigureRetrieval["related"]>[2]) => retrieval.related(context(terms), rarity, query).map((s) => s.index).sort();
  assert.deepEqual(indexes({ minimum: 0.5 }), [0, 1, 2, 3]);
  assert.deepEqual(indexes({ minimum: 0.5, target: true }), [1]);
  assert.deepEqual(indexes({ minimum: 0.5, target: false, time: { from: 2023, to: 2023 } }), [0, 2]);
  assert.deepEqual(indexes({ minimum: 0.5, unit: (unit) => unit === "KRW" }), [3]);
  assert.deepEqual(indexes({ minimum: 0.5, timed: true }), [2, 3]);
  assert.deepEqual(indexes({ minimum: 0.5, timed: false }), [0, 1]);
  assert.deepEqual(indexes({ minimum: 0.5, documents: Uint8Array.of(0, 1) }), [1, 3]);
  assert.deepEqual(indexes({ minimum: 0.5, notDocument: 1 }), [0, 2]);
});

test("Should keep only the best when asked, and hand them out best first, as a full sort would", () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(arbitraryKind, arbitraryContext), { maxLength: 40 }), arbitraryContext, fc.integer({ min: 1, max: 10 }), (figures, draft, best) => {
      const retrieval = FigureRetrieval.build(figures.map(([k, c]) => ({ kind: k, unit: "", document: 0, context: c })), rarity);
      const all = [...bestFirst(retrieval.related(draft, rarity, { minimum: Number.MIN_VALUE }))].slice(0, best).map((s) => s.index);
      const kept = [...bestFirst(retrieval.related(draft, rarity, { minimum: Number.MIN_VALUE, best }))].map((s) => s.index);
      assert.deepEqual(kept, all);
      assert.deepEqual([...retrieval.relatedBestFirst(draft, rarity, { minimum: Number.MIN_VALUE })], [...bestFirst(retrieval.related(draft, rarity, { minimum: Number.MIN_VALUE }))]);
    }),
    { numRuns: 300 },
  );
});

test("Should hand out best first exactly the figures and scores related() finds, though it skips figures sharing only common words", () => {
  // Weights of every size, so that some draft words are too common to reach the minimum alone.
  const weighted = fc
    .uniqueArray(fc.tuple(fc.constantFrom(...words, "unknown"), fc.double({ min: 0.01, max: 1, noNaN: true })), { selector: ([t]) => t, maxLength: 8 })
    .map((terms) => context(terms));
  fc.assert(
    fc.property(fc.array(fc.tuple(arbitraryKind, weighted), { maxLength: 40 }), weighted, arbitraryKind, fc.double({ min: 0.01, max: 0.9, noNaN: true }), (figures, draft, kind, minimum) => {
      const retrieval = FigureRetrieval.build(figures.map(([k, c]) => ({ kind: k, unit: "", document: 0, context: c })), rarity);
      const expected = [...bestFirst(retrieval.related(draft, rarity, { minimum, kind }))];
      assert.deepEqual([...retrieval.relatedBestFirst(draft, rarity, { minimum, kind })], expected);
    }),
    { numRuns: 500 },
  );
});

test("Should find, among the figures of a few documents, exactly those it finds among all figures there, with the same scores", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(arbitraryKind, arbitraryContext, fc.integer({ min: 0, max: 11 })), { maxLength: 40 }),
      arbitraryContext,
      fc.uniqueArray(fc.integer({ min: 0, max: 11 }), { maxLength: 3 }),
      fc.double({ min: 0.01, max: 0.9, noNaN: true }),
      (figures, draft, allowed, minimum) => {
        // The index adds figures document by document.
        const ordered = [...figures].sort((a, b) => a[2] - b[2]);
        const retrieval = FigureRetrieval.build(ordered.map(([k, c, d]) => ({ kind: k, unit: "", document: d, context: c })), rarity);
        const documents = Uint8Array.from({ length: 12 }, (_, d) => (allowed.includes(d) ? 1 : 0));
        const all = retrieval.related(draft, rarity, { minimum }).filter((s) => allowed.includes(ordered[s.index]![2]));
        assert.deepEqual(retrieval.related(draft, rarity, { minimum, documents }), all);
      },
    ),
    { numRuns: 500 },
  );
});

test("Should hand out scores best first, ties in figure order", () => {
  const scored = [{ index: 3, score: 0.2 }, { index: 1, score: 0.9 }, { index: 0, score: 0.2 }, { index: 2, score: 0.5 }];
  assert.deepEqual([...bestFirst(scored)].map((s) => s.index), [1, 2, 0, 3]);
});
