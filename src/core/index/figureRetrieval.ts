// Retrieval of source figures by context, at the speed of typed arrays. Every source figure's
// context terms are kept as postings (term -> figures with their weights), so the similarity of a
// draft figure with every source figure is summed term by term over the postings instead of being
// computed pairwise: only figures that share a word are touched, and no Map is read per pair.
import type { FigureContext } from "../extract/figureContext.js";
import { ContextColumnsBuilder, type ContextColumns } from "./contextColumns.js";
import type { FigureKind } from "../types.js";
import { draftWeights, type TermRarity } from "./similarity.js";

/** A source figure by its position in the index's figure list, with how alike it is. */
export interface Scored {
  index: number;
  score: number;
}

const KINDS: readonly FigureKind[] = ["money", "percent", "count", "date", "rank"];
const KIND_CODE = new Map(KINDS.map((kind, code) => [kind, code]));

/** Which source figures a retrieval may return, besides reaching the similarity `minimum`. */
export interface RetrievalQuery {
  minimum: number;
  /** Only figures of this kind (any kind when absent). */
  kind?: FigureKind;
  /** Also count a figure whose context, compared the other way round, is `minimum` alike (the larger similarity is its score). */
  bothWays?: boolean;
  /** Only goals ("by 2030") or only outcomes. */
  target?: boolean;
  /** Only figures that state a time (true) or only those that do not (false). */
  timed?: boolean;
  /** Only figures stating no time or this one. */
  time?: { from: number; to: number };
  /** Only figures with a unit this accepts (asked once per unit). */
  unit?: (unit: string) => boolean;
  /** Only figures of the documents (by index) marked 1. */
  documents?: Uint8Array;
  /** Not figures of this document. */
  notDocument?: number;
  /** Only this many, the best (ties by index). */
  best?: number;
}

interface RetrievalFigure {
  kind: FigureKind;
  unit: string;
  /** The index of its source document. */
  document: number;
  context: FigureContext;
}

export class FigureRetrieval {
  /** Scratch accumulators, one slot per figure, made on first use (not persisted); reset after each query. */
  private scratch: { forward: Float64Array; backward: Float64Array; touched: Int32Array; foundIndex: Int32Array; foundScore: Float64Array } | undefined;

  private constructor(
    private readonly termIds: ReadonlyMap<string, number>,
    private readonly termIdf: Float64Array,
    /** CSR layout, one list per term and kind: figures of kind k with term t are at [start[s], start[s + 1]), s = t × kinds + k. */
    private readonly postingStart: Int32Array,
    private readonly postingFigure: Int32Array,
    /** Each posting's weight, as a code into the contexts' table of distinct weights (exact, two bytes). */
    private readonly postingWeight: Uint16Array | Uint32Array,
    private readonly weightTable: Float64Array,
    /** Σ weight² × idf over each figure's own terms: the denominator when it is the one compared. */
    private readonly selfMass: Float64Array,
    /** Per figure: 1 for a goal; the first and last year it refers to (0 when it states none). */
    private readonly isTarget: Uint8Array,
    private readonly timeFrom: Int32Array,
    private readonly timeTo: Int32Array,
    /** Per figure: its unit, as an index into `units`, and its document. */
    private readonly unitCode: Int32Array,
    private readonly units: readonly string[],
    private readonly document: Int32Array,
  ) {}

  /** From figures with their contexts (tests, small tools). */
  static build(figures: readonly RetrievalFigure[], rarity: TermRarity): FigureRetrieval {
    const builder = new ContextColumnsBuilder();
    figures.forEach(({ context }, i) => builder.add(context, i, []));
    return FigureRetrieval.fromColumns(figures, builder.finish(figures.length), rarity);
  }

  /** From the figures' kinds, units and documents, and their contexts as packed by the index. */
  static fromColumns(figures: ReadonlyArray<Omit<RetrievalFigure, "context">>, columns: ContextColumns, rarity: TermRarity): FigureRetrieval {
    const termIds = new Map(columns.terms.map((term, id) => [term, id]));
    const { contextStart, termIds: contextTerms, weightCodes, weightTable } = columns;
    const kinds = Int32Array.from(figures, (f) => KIND_CODE.get(f.kind)!);
    const postingStart = new Int32Array(columns.terms.length * KINDS.length + 1);
    figures.forEach((_, figure) => {
      for (let i = contextStart[figure]!; i < contextStart[figure + 1]!; i++) postingStart[contextTerms[i]! * KINDS.length + kinds[figure]! + 1]!++;
    });
    for (let slot = 1; slot < postingStart.length; slot++) postingStart[slot]! += postingStart[slot - 1]!;
    const fill = postingStart.slice(0, -1);
    const postingFigure = new Int32Array(postingStart[postingStart.length - 1]!);
    const postingWeight = weightCodes instanceof Uint16Array ? new Uint16Array(postingFigure.length) : new Uint32Array(postingFigure.length);
    const termIdf = Float64Array.from(columns.terms, (term) => rarity.idf(term));
    const selfMass = new Float64Array(figures.length);
    const unitCodes = new Map<string, number>();
    const unitCode = new Int32Array(figures.length);
    const document = Int32Array.from(figures, (f) => f.document);
    figures.forEach(({ unit }, figure) => {
      if (!unitCodes.has(unit)) unitCodes.set(unit, unitCodes.size);
      unitCode[figure] = unitCodes.get(unit)!;
      let mass = 0;
      for (let i = contextStart[figure]!; i < contextStart[figure + 1]!; i++) {
        const term = contextTerms[i]!;
        const weight = weightTable[weightCodes[i]!]!;
        const slot = fill[term * KINDS.length + kinds[figure]!]!++;
        postingFigure[slot] = figure;
        postingWeight[slot] = weightCodes[i]!;
        mass += weight * weight * termIdf[term]!;
      }
      selfMass[figure] = mass;
    });
    const timeFrom = columns.timeFrom.slice(0, figures.length);
    const timeTo = columns.timeTo.slice(0, figures.length);
    const isTarget = columns.isTarget.slice(0, figures.length);
    return new FigureRetrieval(termIds, termIdf, postingStart, postingFigure, postingWeight, weightTable, selfMass, isTarget, timeFrom, timeTo, unitCode, [...unitCodes.keys()], document);
  }

  /**
   * The figures the query accepts whose similarity with `draft`, as `similarity()` computes it,
   * reaches `query.minimum`; in no particular order.
   */
  related(draft: FigureContext, rarity: TermRarity, query: RetrievalQuery): Scored[] {
    const count = this.collect(draft, rarity, query);
    return scoredList(this.scratch!.foundIndex, this.scratch!.foundScore, count, query.best);
  }

  /**
   * The same figures best first (ties by index), one at a time: a caller that needs only the best
   * few of thousands pays neither for sorting them all nor for an object each.
   */
  *relatedBestFirst(draft: FigureContext, rarity: TermRarity, query: RetrievalQuery): Generator<Scored> {
    const count = this.collect(draft, rarity, query);
    // Copies: the scratch arrays serve the next query, which may come before this one is used up.
    const indexes = this.scratch!.foundIndex.slice(0, count);
    const scores = this.scratch!.foundScore.slice(0, count);
    const heap = new Int32Array(count).map((_, i) => i);
    const before = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && indexes[a]! < indexes[b]!);
    let size = count;
    const siftDown = (from: number) => {
      for (let i = from; ; ) {
        const left = 2 * i + 1;
        let top = i;
        if (left < size && before(heap[left]!, heap[top]!)) top = left;
        if (left + 1 < size && before(heap[left + 1]!, heap[top]!)) top = left + 1;
        if (top === i) return;
        const swap = heap[i]!;
        heap[i] = heap[top]!;
        heap[top] = swap;
        i = top;
      }
    };
    for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(i);
    while (size > 0) {
      const head = heap[0]!;
      heap[0] = heap[--size]!;
      siftDown(0);
      yield { index: indexes[head]!, score: scores[head]! };
    }
  }

  /** Where each document's figures start, when figures are in document order (as the index adds them); made on first use. */
  private documentStarts: Int32Array | null | undefined;

  /**
   * The figures of the documents marked 1, as [from, to) pairs of figure positions, when they are
   * few enough (a quarter of the documents or fewer) that skipping to them beats reading every posting.
   */
  private figureRanges(documents: Uint8Array): Int32Array | undefined {
    if (this.documentStarts === undefined) this.documentStarts = documentStartsOf(this.document, documents.length);
    const starts = this.documentStarts;
    if (!starts || starts.length !== documents.length + 1) return undefined;
    let allowed = 0;
    for (let d = 0; d < documents.length; d++) allowed += documents[d] === 1 ? 1 : 0;
    if (allowed * 4 > documents.length) return undefined;
    const ranges: number[] = [];
    for (let d = 0; d < documents.length; d++) {
      if (documents[d] !== 1 || starts[d] === starts[d + 1]) continue;
      // Next to the last range: one range.
      if (ranges.length > 0 && ranges[ranges.length - 1] === starts[d]) ranges[ranges.length - 1] = starts[d + 1]!;
      else ranges.push(starts[d]!, starts[d + 1]!);
    }
    return Int32Array.from(ranges);
  }

  /** Scores the figures for a query into the scratch arrays; returns how many passed. */
  private collect(draft: FigureContext, rarity: TermRarity, query: RetrievalQuery): number {
    const figures = this.selfMass.length;
    this.scratch ??= {
      forward: new Float64Array(figures),
      backward: new Float64Array(figures),
      touched: new Int32Array(figures),
      foundIndex: new Int32Array(figures),
      foundScore: new Float64Array(figures),
    };
    const { forward, backward, touched } = this.scratch;
    const kinds = query.kind === undefined ? KINDS.map((_, code) => code) : [KIND_CODE.get(query.kind)!];
    const bothWays = query.bothWays ?? false;
    const { postingStart, postingFigure, postingWeight, weightTable } = this;
    // The same weights and total as similarity(), so the sums below are its sums.
    const { total, terms } = draftWeights(rarity, draft);
    // A few documents allowed: only their figures' postings are read (a figure of another could not pass).
    const ranges = query.documents ? this.figureRanges(query.documents) : undefined;
    let touchedCount = 0;
    for (const { term, weight, mass } of terms) {
      const id = this.termIds.get(term);
      if (id === undefined || mass === 0) continue;
      const termIdf = this.termIdf[id]!;
      for (const code of kinds) {
        const slot = id * KINDS.length + code;
        const end = postingStart[slot + 1]!;
        let p = postingStart[slot]!;
        for (let r = 0; p < end && (ranges === undefined ? r === 0 : r < ranges.length); r += 2) {
          let until = end;
          if (ranges) {
            p = firstAtOrAfter(postingFigure, p, end, ranges[r]!);
            until = firstAtOrAfter(postingFigure, p, end, ranges[r + 1]!);
          }
          for (; p < until; p++) {
            const figure = postingFigure[p]!;
            const other = weightTable[postingWeight[p]!]!;
            const shared = other < weight ? other : weight;
            const before = forward[figure]!;
            if (before === 0) touched[touchedCount++] = figure;
            // Never exactly zero once touched, so each figure is listed once.
            forward[figure] = before + (shared * mass || Number.MIN_VALUE);
            if (bothWays) backward[figure]! += shared * other * termIdf;
          }
        }
      }
    }
    const { foundIndex, foundScore } = this.scratch;
    let foundCount = 0;
    const target = query.target === undefined ? -1 : query.target ? 1 : 0;
    const { time, timed, minimum, documents, notDocument } = query;
    // Each unit is asked about once: -1 not yet, 0 refused, 1 accepted.
    const unitAnswers = query.unit ? new Int8Array(this.units.length).fill(-1) : undefined;
    for (let i = 0; i < touchedCount; i++) {
      const figure = touched[i]!;
      const ahead = total ? forward[figure]! / total : 0;
      const behind = bothWays && this.selfMass[figure]! > 0 ? backward[figure]! / this.selfMass[figure]! : 0;
      forward[figure] = 0;
      backward[figure] = 0;
      const score = Math.max(ahead, behind);
      if (score < minimum) continue;
      if (target >= 0 && this.isTarget[figure] !== target) continue;
      if (timed !== undefined && (this.timeFrom[figure] !== 0) !== timed) continue;
      if (time && this.timeFrom[figure] !== 0 && (this.timeFrom[figure] !== time.from || this.timeTo[figure] !== time.to)) continue;
      if (documents && documents[this.document[figure]!] !== 1) continue;
      if (notDocument !== undefined && this.document[figure] === notDocument) continue;
      if (unitAnswers) {
        const code = this.unitCode[figure]!;
        if (unitAnswers[code] === -1) unitAnswers[code] = query.unit!(this.units[code]!) ? 1 : 0;
        if (unitAnswers[code] === 0) continue;
      }
      foundIndex[foundCount] = figure;
      foundScore[foundCount++] = score;
    }
    return foundCount;
  }
}

/** Where each of `count` documents' figures start in `document` (each figure's document), or null when figures are not in document order. */
function documentStartsOf(document: Int32Array, count: number): Int32Array | null {
  const starts = new Int32Array(count + 1).fill(document.length);
  for (let figure = document.length - 1; figure >= 0; figure--) {
    const d = document[figure]!;
    if (d < 0 || d >= count || (figure + 1 < document.length && document[figure + 1]! < d)) return null;
    starts[d] = figure;
  }
  for (let d = count - 1; d >= 0; d--) if (starts[d]! > starts[d + 1]!) starts[d] = starts[d + 1]!;
  return starts;
}

/** The first position in [from, to) of ascending `values` holding `value` or more (galloping from `from`). */
function firstAtOrAfter(values: Int32Array, from: number, to: number, value: number): number {
  if (from >= to || values[from]! >= value) return from;
  let low = from;
  let step = 1;
  while (low + step < to && values[low + step]! < value) {
    low += step;
    step *= 2;
  }
  let high = Math.min(low + step, to);
  while (low + 1 < high) {
    const mid = (low + high) >> 1;
    if (values[mid]! < value) low = mid;
    else high = mid;
  }
  return high;
}

/**
 * The found figures as a list; with `best`, only the `best` highest scores (ties by index), picked
 * by quickselect before any object is made: completion may touch every figure of a large corpus.
 */
function scoredList(indexes: Int32Array, scores: Float64Array, count: number, best?: number): Scored[] {
  const found: Scored[] = [];
  if (best === undefined || count <= best) {
    for (let i = 0; i < count; i++) found.push({ index: indexes[i]!, score: scores[i]! });
    return found;
  }
  const threshold = nthLargest(scores.slice(0, count), best);
  const ties: Scored[] = [];
  for (let i = 0; i < count; i++) {
    if (scores[i]! > threshold) found.push({ index: indexes[i]!, score: scores[i]! });
    else if (scores[i] === threshold) ties.push({ index: indexes[i]!, score: scores[i]! });
  }
  ties.sort((a, b) => a.index - b.index);
  return found.concat(ties.slice(0, best - found.length));
}

/** The n-th largest value (n ≥ 1) of `values`, which it reorders (quickselect). */
function nthLargest(values: Float64Array, n: number): number {
  let lo = 0;
  let hi = values.length - 1;
  const k = n - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i++] = values[j]!;
        values[j--] = swap;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
}

/**
 * Scored figures best first (ties by index), produced one at a time from a heap: a caller that
 * needs only the best few of thousands does not pay for sorting them all.
 */
export function* bestFirst<T extends Scored>(scored: readonly T[]): Generator<T> {
  const heap = [...scored];
  const before = (a: T, b: T) => a.score > b.score || (a.score === b.score && a.index < b.index);
  const siftDown = (from: number) => {
    for (let i = from; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let top = i;
      if (left < heap.length && before(heap[left]!, heap[top]!)) top = left;
      if (right < heap.length && before(heap[right]!, heap[top]!)) top = right;
      if (top === i) return;
      [heap[i], heap[top]] = [heap[top]!, heap[i]!];
      i = top;
    }
  };
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(i);
  while (heap.length > 0) {
    const head = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      siftDown(0);
    }
    yield head;
  }
}
