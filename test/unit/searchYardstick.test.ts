// MiniSearch stays the yardstick of the sentence search (sentenceSearch.ts replaced it for speed):
// on random queries over real text, the top 10 must be MiniSearch's with the same tokeniser and
// options, so the ranking stays what users of MiniSearch know. Real text: the bundled corpus
// always, and releases of ../shared/data when present.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import MiniSearch from "minisearch";
import { isSkipped, loadCorpus, loadSourceFile } from "../../src/core/sources/corpus.ts";
import { CorpusIndex } from "../../src/core/index/corpusIndex.ts";
import { tokenize } from "../../src/core/extract/normalize.ts";
import { STOPWORDS } from "../../src/core/extract/terms.ts";
import { FUZZY_MAX_SENTENCES, SentenceSearch } from "../../src/core/index/sentenceSearch.ts";
import type { SourceDocument } from "../../src/core/types.ts";
import { bundledCorpus, repoRoot } from "./helpers/corpus.ts";

const shared = path.resolve(repoRoot, "..", "shared", "data", "wh-briefings");

/** A small deterministic generator, so a failure names a query that fails again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Queries as users type them: one to three words of a sentence, the last often cut short, a long word now and then mistyped. */
function queriesFrom(sentences: readonly string[], count: number, seed: number): string[] {
  const next = random(seed);
  const queries: string[] = [];
  while (queries.length < count) {
    const words = sentences[Math.floor(next() * sentences.length)]!.split(/\s+/).filter((w) => /\p{L}{3,}/u.test(w));
    if (words.length < 3) continue;
    const start = Math.floor(next() * (words.length - 2));
    const picked = words.slice(start, start + 1 + Math.floor(next() * 3));
    const roll = next();
    const last = picked.length - 1;
    if (roll < 0.3 && picked[last]!.length > 4) picked[last] = picked[last]!.slice(0, 3 + Math.floor(next() * (picked[last]!.length - 3)));
    else if (roll < 0.5) {
      const long = picked.findIndex((w) => w.length > 6);
      if (long >= 0) picked[long] = `${picked[long]!.slice(0, 3)}${picked[long]!.slice(4)}`;
    }
    queries.push(picked.join(" "));
  }
  return queries;
}

/** MiniSearch over the same sentences with our tokeniser and the options the sentence search mirrors. */
function miniSearchOf(sentences: readonly string[]): MiniSearch<{ id: number; text: string }> {
  const mini = new MiniSearch<{ id: number; text: string }>({
    fields: ["text"],
    tokenize: (text) => tokenize(text),
    processTerm: (term) => (term.length > 0 && !STOPWORDS.has(term) ? term : null),
    searchOptions: { combineWith: "OR" },
  });
  mini.addAll(sentences.map((text, id) => ({ id, text })));
  return mini;
}

/** The top 10 agree: the same scores in the same order, the same sentences at each score (ties may order either way; the last tie may be cut). */
function assertSameTop10(query: string, ours: Array<{ id: number; score: number }>, theirs: Array<{ id: number; score: number }>): void {
  assert.equal(ours.length, theirs.length, `"${query}": ${ours.length} results, MiniSearch ${theirs.length}`);
  ours.forEach((hit, i) => assert.ok(Math.abs(hit.score - theirs[i]!.score) <= 1e-9 * Math.max(1, hit.score), `"${query}" #${i + 1}: score ${hit.score}, MiniSearch ${theirs[i]!.score}`));
  const groups = (hits: typeof ours) => {
    const byScore = new Map<string, number[]>();
    for (const hit of hits) {
      const key = hit.score.toPrecision(9);
      byScore.set(key, [...(byScore.get(key) ?? []), hit.id]);
    }
    return byScore;
  };
  const mine = groups(ours);
  const reference = groups(theirs);
  const lastScore = ours.at(-1)?.score.toPrecision(9);
  for (const [score, ids] of mine) {
    if (score === lastScore && ours.length === 10) continue;
    assert.deepEqual(new Set(ids), new Set(reference.get(score) ?? []), `"${query}": sentences scoring ${score}`);
  }
}

function compare(sentences: readonly string[], queries: readonly string[]): void {
  const ours = new SentenceSearch();
  sentences.forEach((text, id) => ours.add(id, text));
  ours.finish();
  const mini = miniSearchOf(sentences);
  // Typo tolerance as the search turns it on for a corpus this size, told to both.
  const fuzzy = sentences.length <= FUZZY_MAX_SENTENCES;
  for (const query of queries) {
    const theirs = mini
      .search(query, {
        prefix: (term, i, terms) => i === terms.length - 1 && term.length > 2,
        fuzzy: (term) => (fuzzy && term.length > 5 ? 0.2 : false),
      })
      .slice(0, 10)
      .map((r) => ({ id: r.id as number, score: r.score }));
    assertSameTop10(query, ours.search(query, { limit: 10, fuzzy }).map(({ id, score }) => ({ id, score })), theirs);
  }
}

test("Should rank the bundled corpus's sentences as MiniSearch does, on 300 random queries", async () => {
  const corpus = await loadCorpus({ roots: [bundledCorpus], baseDir: repoRoot });
  const sentences = CorpusIndex.build(corpus.documents, corpus.skipped).sentences.map((s) => s.text);
  compare(sentences, queriesFrom(sentences, 300, 1));
});

test("Should rank real releases as MiniSearch does, on 200 random queries", { skip: existsSync(shared) ? false : "../shared/data is not present" }, async () => {
  const files = readFileSync(path.join(repoRoot, "bench", "real-slice.txt"), "utf8").trim().split("\n").filter((_, i) => i % 10 === 0);
  const documents: SourceDocument[] = [];
  for (const file of files) {
    const loaded = await loadSourceFile(path.join(shared, file), file, 10 * 1024 * 1024);
    if (!isSkipped(loaded)) documents.push(loaded);
  }
  const sentences = CorpusIndex.build(documents).sentences.map((s) => s.text);
  compare(sentences, queriesFrom(sentences, 200, 2));
});
