// Ranked full-text search over source sentences: a compact inverted index scored as MiniSearch
// scores one text field (BM25 with k 1.2, b 0.7, d 0.5; prefix and fuzzy matches down-weighted;
// OR semantics with the score multiplied by how many query words matched). Terms are the folded
// words of `tokenize` without stop words, kept sorted in one string so a prefix is a binary-searched
// range; postings are doc ids and term frequencies in CSR layout. Scores accumulate in a reused
// typed array and the best k are picked with a small heap, so a query allocates almost nothing.
import { tokenize } from "../extract/normalize.js";
import { STOPWORDS } from "../extract/terms.js";

/** The terms a text is searched by: its folded words (from `tokenize`) without stop words. */
export function searchTerms(text: string): string[] {
  return tokenize(text).filter((word) => word.length > 0 && !STOPWORDS.has(word));
}

/** A sentence's search terms (stop words left out) with their counts, and its length (distinct words, stop words included). */
export interface CountedTerms {
  terms: string[];
  counts: number[];
  length: number;
}

/** `folded`: the text as `tokenize` folds it, when the caller has it (see foldMarksFrom). */
export function countSearchTerms(text: string, folded?: string): CountedTerms {
  const tokens = folded === undefined ? tokenize(text) : tokenize(text, folded);
  const counts = new Map<string, number>();
  for (const token of tokens) if (token.length > 0 && !STOPWORDS.has(token)) counts.set(token, (counts.get(token) ?? 0) + 1);
  return { terms: [...counts.keys()], counts: [...counts.values()], length: Math.min(new Set(tokens).size, 0xffff) };
}

export interface SentenceMatch {
  id: number;
  score: number;
  /** The index terms that matched (the query words and what their prefix or typo tolerance reached). */
  terms: string[];
}

/** The whole index as a few typed arrays and one string: what node:v8 serialises and restores fast. */
export interface SentenceSearchBuffers {
  count: number;
  averageLength: number;
  /** Sorted terms, each followed by "\n". */
  dictionary: string;
  /** Where term i starts in `dictionary`; one more entry for the end. */
  termStarts: Uint32Array;
  /** Where term i's postings start in `docs` / `freqs`; one more entry for the end. */
  postingStarts: Uint32Array;
  docs: Int32Array;
  freqs: Uint16Array;
  /** Distinct words of each sentence, stop words included (MiniSearch's field length). */
  lengths: Uint16Array;
}

const K = 1.2;
const B = 0.7;
const D = 0.5;
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/**
 * Typo tolerance scans the dictionary (~40 ns a term), so it is on while that stays cheap: up to
 * 20,000 sentences (as the MiniSearch index had it) or up to 50,000 distinct terms (~2-3 ms a word).
 */
export const FUZZY_MAX_SENTENCES = 20_000;
export const FUZZY_MAX_TERMS = 50_000;

interface Builder {
  termIds: Map<string, number>;
  pairTerms: Int32Array;
  pairFreqs: Uint16Array;
  pairs: number;
  /** Pairs added before sentence i. */
  sentenceStarts: Uint32Array;
  lengths: Uint16Array;
  count: number;
}

interface Expansion {
  term: number;
  weight: number;
  /** Which distinct query word it stands for. */
  word: number;
}

interface Scratch {
  scores: Float64Array;
  /** Bit j set when query word j matched the sentence (words past 31 share the last bit). */
  masks: Uint32Array;
  touched: Int32Array;
  /** BM25's length normalisation of each sentence, k(1 - b + b·length/average). */
  norms: Float64Array;
}

function grown<T extends Int32Array | Uint16Array | Uint32Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

function bitCount(mask: number): number {
  let v = mask - ((mask >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

const scratches = new WeakMap<SentenceSearch, Scratch>();

export class SentenceSearch {
  // Only plain data as fields, so the persisted index (indexCache.ts) captures and restores them as they are.
  private data: SentenceSearchBuffers = SentenceSearch.empty();
  private building: Builder | undefined;

  private static empty(): SentenceSearchBuffers {
    return { count: 0, averageLength: 0, dictionary: "", termStarts: new Uint32Array(1), postingStarts: new Uint32Array(1), docs: new Int32Array(0), freqs: new Uint16Array(0), lengths: new Uint16Array(0) };
  }

  static fromBuffers(buffers: SentenceSearchBuffers): SentenceSearch {
    const search = new SentenceSearch();
    search.data = buffers;
    return search;
  }

  /** The finished index (call finish() first). */
  toBuffers(): SentenceSearchBuffers {
    return this.data;
  }

  /** Adds sentence `id`; ids must come in order from 0. */
  add(id: number, text: string): void {
    this.addCounted(id, countSearchTerms(text));
  }

  /** Adds sentence `id` by its counted terms (worked out beforehand, perhaps in another thread). */
  addCounted(id: number, counted: CountedTerms): void {
    const { terms } = counted;
    const termIds = new Array<number>(terms.length);
    for (let i = 0; i < terms.length; i++) termIds[i] = this.termNumber(terms[i]!);
    this.addNumbered(id, termIds, counted.counts, counted.length);
  }

  /** The number of a term while building (numbered now if new), to add sentences by number. */
  termNumber(term: string): number {
    const b = this.builder();
    let termId = b.termIds.get(term);
    if (termId === undefined) b.termIds.set(term, (termId = b.termIds.size));
    return termId;
  }

  /** `addCounted` with the terms numbered by termNumber (a build numbers each distinct word once per document). */
  addNumbered(id: number, termIds: ArrayLike<number>, counts: ArrayLike<number>, length: number): void {
    const b = this.builder();
    if (id !== b.count) throw new Error(`SentenceSearch: expected sentence ${b.count}, got ${id}`);
    b.sentenceStarts = grown(b.sentenceStarts, id + 2);
    b.lengths = grown(b.lengths, id + 1);
    b.lengths[id] = length;
    b.pairTerms = grown(b.pairTerms, b.pairs + termIds.length);
    b.pairFreqs = grown(b.pairFreqs, b.pairs + termIds.length);
    for (let i = 0; i < termIds.length; i++) {
      b.pairTerms[b.pairs] = termIds[i]!;
      b.pairFreqs[b.pairs++] = Math.min(counts[i]!, 0xffff);
    }
    b.count = id + 1;
    b.sentenceStarts[b.count] = b.pairs;
  }

  private builder(): Builder {
    if (!this.building) {
      if (this.data.count > 0) throw new Error("SentenceSearch: cannot add to a finished index");
      this.building = { termIds: new Map(), pairTerms: new Int32Array(1024), pairFreqs: new Uint16Array(1024), pairs: 0, sentenceStarts: new Uint32Array(1024), lengths: new Uint16Array(1024), count: 0 };
    }
    return this.building;
  }

  /** Compacts what was added into the sorted dictionary and CSR postings; searching needs it. */
  finish(): void {
    const b = this.building;
    if (!b) return;
    this.building = undefined;
    const sorted = [...b.termIds.keys()].sort();
    const rank = new Int32Array(sorted.length);
    sorted.forEach((term, i) => (rank[b.termIds.get(term)!] = i));
    const postingStarts = new Uint32Array(sorted.length + 1);
    for (let p = 0; p < b.pairs; p++) postingStarts[rank[b.pairTerms[p]!]! + 1]!++;
    for (let t = 0; t < sorted.length; t++) postingStarts[t + 1]! += postingStarts[t]!;
    const next = postingStarts.slice(0, sorted.length);
    const docs = new Int32Array(b.pairs);
    const freqs = new Uint16Array(b.pairs);
    for (let doc = 0; doc < b.count; doc++) {
      for (let p = b.sentenceStarts[doc]!; p < b.sentenceStarts[doc + 1]!; p++) {
        const at = next[rank[b.pairTerms[p]!]!]!++;
        docs[at] = doc;
        freqs[at] = b.pairFreqs[p]!;
      }
    }
    const termStarts = new Uint32Array(sorted.length + 1);
    sorted.forEach((term, i) => (termStarts[i + 1] = termStarts[i]! + term.length + 1));
    const lengths = b.lengths.slice(0, b.count);
    let total = 0;
    for (const length of lengths) total += length;
    this.data = { count: b.count, averageLength: b.count > 0 ? total / b.count : 0, dictionary: sorted.length > 0 ? `${sorted.join("\n")}\n` : "", termStarts, postingStarts, docs, freqs, lengths };
  }

  private termAt(i: number): string {
    return this.data.dictionary.slice(this.data.termStarts[i], this.data.termStarts[i + 1]! - 1);
  }

  /** The first term not below `key` (code-unit order, as Array.prototype.sort). */
  private lowerBound(key: string): number {
    const { dictionary, termStarts } = this.data;
    let lo = 0;
    let hi = termStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = termStarts[mid]!;
      const length = termStarts[mid + 1]! - 1 - start;
      let order = 0;
      for (let c = 0; c < length && c < key.length && order === 0; c++) order = dictionary.charCodeAt(start + c) - key.charCodeAt(c);
      if (order === 0) order = length - key.length;
      if (order < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private find(term: string): number {
    const i = this.lowerBound(term);
    return i < this.data.termStarts.length - 1 && this.termAt(i) === term ? i : -1;
  }

  /**
   * Terms within `maxDistance` edits of `term` (Levenshtein, as MiniSearch's fuzzy), with the
   * distance, in dictionary order. The dictionary is sorted, so a term shares its first letters with
   * the last one compared: their rows of the edit table are reused, and once a row's smallest entry
   * exceeds `maxDistance` (rows never get smaller) the term is passed over. (Jumping over every term
   * with that beginning by binary search was measured slower: most beginnings are shared by few terms.)
   */
  private fuzzy(term: string, maxDistance: number, found: (index: number, distance: number) => void): void {
    const { dictionary, termStarts } = this.data;
    const width = term.length + 1;
    const codes = new Int32Array(term.length);
    for (let j = 0; j < term.length; j++) codes[j] = term.charCodeAt(j);
    // rows[c × width + j]: distance between the first c letters of the current term and the first j of `term`.
    let rows = new Int32Array(width * 32);
    for (let j = 0; j < width; j++) rows[j] = j;
    /** Each row's smallest entry. */
    let minima = new Int32Array(32);
    /** How many rows hold the current term's beginning; past a too-distant row, none beyond it. */
    let valid = 0;
    let previousStart = 0;
    let previousLength = 0;
    for (let i = 0; i + 1 < termStarts.length; i++) {
      const start = termStarts[i]!;
      const length = termStarts[i + 1]! - 1 - start;
      if (Math.abs(length - term.length) > maxDistance) continue;
      // The rows hold the beginning of the last term compared (sorted order: what it shares with this one, the terms between share too).
      let shared = 0;
      const most = Math.min(length, previousLength, valid);
      while (shared < most && dictionary.charCodeAt(start + shared) === dictionary.charCodeAt(previousStart + shared)) shared++;
      previousStart = start;
      previousLength = length;
      valid = shared;
      if ((length + 1) * width > rows.length) {
        const grown = new Int32Array((length + 1) * width * 2);
        grown.set(rows);
        rows = grown;
        const grownMinima = new Int32Array((length + 1) * 2);
        grownMinima.set(minima);
        minima = grownMinima;
      }
      let c = shared;
      // A beginning already too far from `term` (its row's smallest entry) rules out this term.
      if (c > 0 && minima[c]! > maxDistance) continue;
      for (; c < length; c++) {
        const code = dictionary.charCodeAt(start + c);
        const above = c * width;
        const here = above + width;
        rows[here] = c + 1;
        let best = c + 1;
        // The smallest of deleting, inserting and substituting (free for the same letter), without Math.min's three arguments.
        let left = c + 1;
        for (let j = 1; j < width; j++) {
          const diagonal = rows[above + j - 1]! + (code === codes[j - 1] ? 0 : 1);
          const up = rows[above + j]! + 1;
          let value = left + 1 < up ? left + 1 : up;
          if (diagonal < value) value = diagonal;
          rows[here + j] = value;
          left = value;
          if (value < best) best = value;
        }
        minima[c + 1] = best;
        valid = c + 1;
        if (best > maxDistance) break;
      }
      if (c < length) continue;
      const distance = rows[length * width + term.length]!;
      if (distance <= maxDistance && distance > 0) found(i, distance);
    }
  }

  /** The best `limit` sentences for `query`, best first. `fuzzy` overrides when typo tolerance is on. */
  search(query: string, options: { limit: number; fuzzy?: boolean }): SentenceMatch[] {
    const count = this.data.count;
    const words = searchTerms(query);
    if (words.length === 0 || options.limit <= 0 || count === 0) return [];
    const fuzzy = options.fuzzy ?? (count <= FUZZY_MAX_SENTENCES || this.data.termStarts.length - 1 <= FUZZY_MAX_TERMS);
    const expansions = this.expand(words, fuzzy);
    let scratch = scratches.get(this);
    if (!scratch || scratch.scores.length < count) {
      const { lengths, averageLength } = this.data;
      scratch = { scores: new Float64Array(count), masks: new Uint32Array(count), touched: new Int32Array(count), norms: Float64Array.from(lengths, (length) => K * (1 - B + (B * length) / averageLength)) };
      scratches.set(this, scratch);
    }
    const touchedCount = this.accumulate(expansions, scratch);
    const best = topK(scratch, touchedCount, Math.min(options.limit, touchedCount));
    this.nameTerms(best, expansions);
    return best;
  }

  /** Each query word as itself, the last also as a prefix, long ones with a typo or two; weighted as MiniSearch does. */
  private expand(words: readonly string[], fuzzy: boolean): Expansion[] {
    const expansions: Expansion[] = [];
    const wordIds = new Map<string, number>();
    const lengthOf = (t: number) => this.data.termStarts[t + 1]! - 1 - this.data.termStarts[t]!;
    words.forEach((word, i) => {
      const wordId = wordIds.get(word) ?? wordIds.set(word, wordIds.size).get(word)!;
      const exact = this.find(word);
      if (exact >= 0) expansions.push({ term: exact, weight: 1, word: wordId });
      const prefix = i === words.length - 1 && word.length > 2;
      const from = prefix ? this.lowerBound(word) : 0;
      const to = prefix ? this.lowerBound(`${word}\uffff`) : 0;
      for (let t = from; t < to; t++) {
        const length = lengthOf(t);
        if (t !== exact) expansions.push({ term: t, weight: (PREFIX_WEIGHT * length) / (length + 0.3 * (length - word.length)), word: wordId });
      }
      if (fuzzy && word.length > 5) {
        this.fuzzy(word, Math.min(6, Math.round(word.length * 0.2)), (t, distance) => {
          if (t < from || t >= to) expansions.push({ term: t, weight: (FUZZY_WEIGHT * lengthOf(t)) / (lengthOf(t) + distance), word: wordId });
        });
      }
    });
    return expansions;
  }

  /** Adds each expansion's BM25 score to the sentences it occurs in; returns how many sentences it touched. */
  private accumulate(expansions: readonly Expansion[], { scores, masks, touched, norms }: Scratch): number {
    const { count, postingStarts, docs, freqs } = this.data;
    let touchedCount = 0;
    for (const { term, weight, word } of expansions) {
      const start = postingStarts[term]!;
      const end = postingStarts[term + 1]!;
      const idf = Math.log(1 + (count - (end - start) + 0.5) / (end - start + 0.5));
      const bit = 1 << Math.min(word, 31);
      for (let p = start; p < end; p++) {
        const doc = docs[p]!;
        const tf = freqs[p]!;
        const mask = masks[doc]!;
        if (mask === 0) touched[touchedCount++] = doc;
        masks[doc] = mask | bit;
        scores[doc]! += weight * (idf * (D + (tf * (K + 1)) / (tf + norms[doc]!)));
      }
    }
    return touchedCount;
  }

  /** Fills in the index terms each match contains, looked up in the (sorted) postings of the expansions. */
  private nameTerms(best: SentenceMatch[], expansions: readonly Expansion[]): void {
    const { postingStarts, docs } = this.data;
    const slot = new Map(best.map((match, i) => [match.id, i]));
    const named = new Set<number>();
    for (const { term } of expansions) {
      if (named.has(term)) continue;
      named.add(term);
      const start = postingStarts[term]!;
      const end = postingStarts[term + 1]!;
      const mark = (doc: number) => {
        const i = slot.get(doc);
        if (i !== undefined) best[i]!.terms.push(this.termAt(term));
      };
      if (end - start <= 4 * best.length) for (let p = start; p < end; p++) mark(docs[p]!);
      else
        for (const match of best) {
          let lo = start;
          let hi = end;
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (docs[mid]! < match.id) lo = mid + 1;
            else hi = mid;
          }
          if (lo < end && docs[lo] === match.id) mark(match.id);
        }
    }
  }
}

/** Whether (score a, matched at a) ranks below (score b, at b): lower, or as high but matched later. */
function below(scoreA: number, atA: number, scoreB: number, atB: number): boolean {
  return scoreA < scoreB || (scoreA === scoreB && atA > atB);
}

/** Puts (score, at) into the min-heap at `hole` (its last slot) and sifts it up. */
function siftUp(heap: Int32Array, values: Float64Array, hole: number, at: number, score: number): void {
  let i = hole;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!below(score, at, values[parent]!, heap[parent]!)) break;
    heap[i] = heap[parent]!;
    values[i] = values[parent]!;
    i = parent;
  }
  heap[i] = at;
  values[i] = score;
}

/** Replaces the root of the min-heap of `size` with (score, at) and sifts it down. */
function siftDown(heap: Int32Array, values: Float64Array, size: number, at: number, score: number): void {
  let i = 0;
  for (let child = 1; child < size; child = 2 * i + 1) {
    if (child + 1 < size && below(values[child + 1]!, heap[child + 1]!, values[child]!, heap[child]!)) child++;
    if (!below(values[child]!, heap[child]!, score, at)) break;
    heap[i] = heap[child]!;
    values[i] = values[child]!;
    i = child;
  }
  heap[i] = at;
  values[i] = score;
}

/** The `limit` best touched sentences, best first (the first matched first among equals), clearing the scratch. */
function topK({ scores, masks, touched }: Scratch, touchedCount: number, limit: number): SentenceMatch[] {
  const heap = new Int32Array(limit);
  const values = new Float64Array(limit);
  let size = 0;
  for (let at = 0; at < touchedCount; at++) {
    const doc = touched[at]!;
    // MiniSearch's OR: the summed score times how many query words matched.
    const score = scores[doc]! * bitCount(masks[doc]!);
    scores[doc] = 0;
    masks[doc] = 0;
    if (size < limit) siftUp(heap, values, size++, at, score);
    else if (score > values[0]!) siftDown(heap, values, size, at, score);
  }
  const best = new Array<SentenceMatch>(size);
  for (let end = size; end > 0; end--) {
    best[end - 1] = { id: touched[heap[0]!]!, score: values[0]!, terms: [] };
    siftDown(heap, values, end - 1, heap[end - 1]!, values[end - 1]!);
  }
  return best;
}

