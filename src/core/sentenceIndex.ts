// Ranked full-text search over source sentences, in typed arrays. MiniSearch kept a Map per term
// and scored every sentence of every common word through it: 80-130 ms a query on a 20 MB corpus.
// Here postings are packed arrays and scores are summed into one Float64Array, so a word that half
// the sentences use costs a fraction of a millisecond, and the whole index persists as a few buffers.
// Ranking is BM25+ (as MiniSearch ranks), times the share of query words a sentence matches.

/** How a sentence matched a query: its id, score and the index terms it matched. */
export interface SentenceHit {
  id: number;
  score: number;
  terms: string[];
}

export interface SentenceSearchOptions {
  limit: number;
  /** Prefix matching for the word being typed (the last), when it has this many letters. */
  prefixFrom?: number;
  /** Typo tolerance for words of at least 6 letters: edits allowed per letter (0.2: one in five). */
  fuzzy?: number;
}

const K1 = 1.2;
const B = 0.7;
const DELTA = 0.5;
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

export class SentenceIndex {
  /** Terms in code-unit order, so the terms with a prefix are one contiguous run. */
  private terms: string[] = [];
  private postingStart = new Int32Array(1);
  private postingSentence = new Int32Array(0);
  private postingCount = new Uint16Array(0);
  private sentenceLength = new Uint16Array(0);
  private averageLength = 1;
  /** Postings while sentences are being added; packed by finish(). */
  private building: Map<string, number[]> | undefined = new Map();
  private lengths: number[] = [];
  private scratch: { scores: Float64Array; matched: Uint16Array; touched: Int32Array } | undefined;

  constructor(private readonly termsOf: (text: string) => string[]) {}

  /** Adds the next sentence; ids must be 0, 1, 2… in order. */
  add(id: number, text: string): void {
    const building = this.building;
    if (!building) throw new Error("the sentence index is finished");
    if (id !== this.lengths.length) throw new Error(`sentence ${id} added out of order`);
    const terms = this.termsOf(text);
    this.lengths.push(terms.length);
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, count] of counts) {
      const list = building.get(term);
      if (list) list.push(id, count);
      else building.set(term, [id, count]);
    }
  }

  /** Packs the postings; no sentence can be added afterwards. */
  finish(): void {
    const building = this.building;
    if (!building) return;
    this.terms = [...building.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.postingStart = new Int32Array(this.terms.length + 1);
    this.terms.forEach((term, i) => (this.postingStart[i + 1] = this.postingStart[i]! + building.get(term)!.length / 2));
    this.postingSentence = new Int32Array(this.postingStart[this.terms.length]!);
    this.postingCount = new Uint16Array(this.postingSentence.length);
    this.terms.forEach((term, i) => {
      const list = building.get(term)!;
      for (let j = 0, p = this.postingStart[i]!; j < list.length; j += 2, p++) {
        this.postingSentence[p] = list[j]!;
        this.postingCount[p] = Math.min(list[j + 1]!, 0xffff);
      }
    });
    this.sentenceLength = Uint16Array.from(this.lengths, (n) => Math.min(n, 0xffff));
    this.averageLength = this.lengths.length ? this.lengths.reduce((a, b) => a + b, 0) / this.lengths.length || 1 : 1;
    this.building = undefined;
    this.lengths = [];
  }

  /** How many distinct terms the sentences use. */
  get vocabularySize(): number {
    this.finish();
    return this.terms.length;
  }

  get size(): number {
    return this.sentenceLength.length;
  }

  search(query: string, options: SentenceSearchOptions): SentenceHit[] {
    this.finish();
    const queryTerms = [...new Set(this.termsOf(query))];
    if (queryTerms.length === 0 || this.size === 0) return [];
    const sentences = this.size;
    this.scratch ??= { scores: new Float64Array(sentences), matched: new Uint16Array(sentences), touched: new Int32Array(sentences) };
    const { scores, matched, touched } = this.scratch;
    let touchedCount = 0;
    const matchedTerms: string[] = [];
    queryTerms.forEach((queryTerm, position) => {
      const bit = 1 << Math.min(position, 15);
      const isLast = position === queryTerms.length - 1;
      for (const { id, weight } of this.expansions(queryTerm, isLast, options)) {
        matchedTerms.push(this.terms[id]!);
        const start = this.postingStart[id]!;
        const end = this.postingStart[id + 1]!;
        const idf = Math.log(1 + (sentences - (end - start) + 0.5) / (end - start + 0.5));
        for (let p = start; p < end; p++) {
          const sentence = this.postingSentence[p]!;
          const count = this.postingCount[p]!;
          const norm = K1 * (1 - B + (B * this.sentenceLength[sentence]!) / this.averageLength);
          if (scores[sentence] === 0) touched[touchedCount++] = sentence;
          scores[sentence]! += weight * idf * (DELTA + (count * (K1 + 1)) / (count + norm));
          matched[sentence]! |= bit;
        }
      }
    });
    // Every hit gets the terms any hit matched: highlighting looks for them in its own text.
    return this.best(touchedCount, options.limit, queryTerms.length).map(({ id, score }) => ({ id, score, terms: matchedTerms }));
  }

  /** The index terms a query word stands for, with the weight of each kind of match. */
  private expansions(word: string, isLast: boolean, options: SentenceSearchOptions): Array<{ id: number; weight: number }> {
    const found = new Map<number, number>();
    const exact = this.find(word);
    if (exact >= 0) found.set(exact, 1);
    if (isLast && word.length >= (options.prefixFrom ?? 3)) {
      for (let id = this.lowerBound(word); id < this.terms.length && this.terms[id]!.startsWith(word); id++) {
        if (!found.has(id)) found.set(id, PREFIX_WEIGHT);
      }
    }
    const fuzzy = options.fuzzy ?? 0;
    if (fuzzy > 0 && word.length > 5) {
      const distance = Math.round(word.length * fuzzy);
      this.terms.forEach((term, id) => {
        if (!found.has(id) && Math.abs(term.length - word.length) <= distance && withinEdits(word, term, distance)) found.set(id, FUZZY_WEIGHT);
      });
    }
    return [...found].map(([id, weight]) => ({ id, weight }));
  }

  private find(term: string): number {
    const id = this.lowerBound(term);
    return this.terms[id] === term ? id : -1;
  }

  private lowerBound(term: string): number {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.terms[mid]! < term) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The `limit` best sentences (clearing the scratch arrays as it goes), best first, ties by id. */
  private best(touchedCount: number, limit: number, queryTermCount: number): Array<{ id: number; score: number }> {
    const { scores, matched, touched } = this.scratch!;
    const top: Array<{ id: number; score: number }> = [];
    let floor = -Infinity;
    for (let i = 0; i < touchedCount; i++) {
      const id = touched[i]!;
      // A sentence with more of the query's words ranks above one with fewer.
      const score = scores[id]! * (popCount(matched[id]!) / queryTermCount);
      scores[id] = 0;
      matched[id] = 0;
      if (top.length >= limit && score <= floor) continue;
      top.push({ id, score });
      if (top.length > limit * 4) {
        top.sort(byScore).length = limit;
        floor = top[limit - 1]!.score;
      }
    }
    return top.sort(byScore).slice(0, limit);
  }
}

function byScore(a: { id: number; score: number }, b: { id: number; score: number }): number {
  return b.score - a.score || a.id - b.id;
}

function popCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest; rest &= rest - 1) count++;
  return count;
}

/** Whether `a` becomes `b` in at most `limit` single-letter edits (banded Levenshtein). */
export function withinEdits(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return false;
    previous = current;
  }
  return previous[b.length]! <= limit;
}
