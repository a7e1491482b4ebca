// Figure contexts of a persisted index as columns of typed arrays, decoded one figure at a time on
// first use. A restored index has tens of thousands of source figures; a check reads the contexts of
// a few thousand of them, so building every context's Map and Sets at start-up would be wasted.
import type { SourceFigure } from "./corpusIndex.js";
import type { FigureContext } from "./figureContext.js";
import type { Figure, SourceSentence } from "./types.js";

/** The contexts of all source figures, in figure order (term lists in each context's own order). */
export interface ContextColumns {
  terms: string[];
  /** Figure f's terms are termIds/weights [contextStart[f], contextStart[f + 1]). */
  contextStart: Int32Array;
  termIds: Int32Array;
  weights: Float64Array;
  /** Each sentence's terms (shared by its figures), by sentence id, where the sentence has figures. */
  sentenceStart: Int32Array;
  sentenceTermIds: Int32Array;
  isTarget: Uint8Array;
  /** The index in its sentence's figures of the date a figure refers to, or -1; its years; its preposition in `prepositions` or -1. */
  timeFigure: Int32Array;
  timeFrom: Int32Array;
  timeTo: Int32Array;
  timePreposition: Int32Array;
  prepositions: string[];
  /** Measure words, for the few figures that have any. */
  measures: Record<number, string[]>;
}

export function encodeContexts(sources: readonly SourceFigure[]): ContextColumns {
  const termIds = new Map<string, number>();
  const idOf = (term: string) => {
    let id = termIds.get(term);
    if (id === undefined) termIds.set(term, (id = termIds.size));
    return id;
  };
  const prepositions = new Map<string, number>();
  const count = sources.length;
  const columns = {
    contextStart: new Int32Array(count + 1),
    isTarget: new Uint8Array(count),
    timeFigure: new Int32Array(count).fill(-1),
    timeFrom: new Int32Array(count),
    timeTo: new Int32Array(count),
    timePreposition: new Int32Array(count).fill(-1),
    measures: {} as Record<number, string[]>,
  };
  const ids: number[] = [];
  const weights: number[] = [];
  const sentenceTerms = new Map<number, number[]>();
  let sentences = 0;
  sources.forEach(({ context, sentence }, f) => {
    for (const [term, weight] of context.terms) ids.push(idOf(term)), weights.push(weight);
    columns.contextStart[f + 1] = ids.length;
    if (!sentenceTerms.has(sentence.id)) sentenceTerms.set(sentence.id, [...context.sentenceTerms].map(idOf));
    sentences = Math.max(sentences, sentence.id + 1);
    columns.isTarget[f] = context.isTarget ? 1 : 0;
    if (context.measures.size > 0) columns.measures[f] = [...context.measures];
    const time = context.time;
    if (time) {
      columns.timeFigure[f] = sentence.figures.indexOf(time.figure);
      columns.timeFrom[f] = time.from;
      columns.timeTo[f] = time.to;
      if (time.preposition !== undefined) {
        if (!prepositions.has(time.preposition)) prepositions.set(time.preposition, prepositions.size);
        columns.timePreposition[f] = prepositions.get(time.preposition)!;
      }
    }
  });
  const sentenceStart = new Int32Array(sentences + 1);
  const sentenceIds: number[] = [];
  for (let s = 0; s < sentences; s++) {
    sentenceIds.push(...(sentenceTerms.get(s) ?? []));
    sentenceStart[s + 1] = sentenceIds.length;
  }
  return {
    ...columns,
    terms: [...termIds.keys()],
    termIds: Int32Array.from(ids),
    weights: Float64Array.from(weights),
    sentenceStart,
    sentenceTermIds: Int32Array.from(sentenceIds),
    prepositions: [...prepositions.keys()],
  };
}

export class ContextStore {
  private readonly sentenceTerms = new Map<number, Set<string>>();

  constructor(private readonly columns: ContextColumns) {}

  /** The context of the figure at `position`, whose sentence is `sentence`. */
  decode(position: number, sentence: SourceSentence): FigureContext {
    const c = this.columns;
    const timeFigure = c.timeFigure[position]!;
    let time: FigureContext["time"];
    if (timeFigure >= 0) {
      const preposition = c.timePreposition[position]!;
      time = { from: c.timeFrom[position]!, to: c.timeTo[position]!, figure: sentence.figures[timeFigure]!, ...(preposition >= 0 ? { preposition: c.prepositions[preposition]! } : {}) };
    }
    return new StoredContext(this, position, sentence.id, c.isTarget[position] === 1, new Set(c.measures[position] ?? []), time);
  }

  /** A figure's terms and weights, in the order the context had them. */
  terms(position: number): Map<string, number> {
    const c = this.columns;
    const terms = new Map<string, number>();
    for (let i = c.contextStart[position]!; i < c.contextStart[position + 1]!; i++) terms.set(c.terms[c.termIds[i]!]!, c.weights[i]!);
    return terms;
  }

  /** The terms of a sentence, one set shared by its figures. */
  sentenceTermsOf(sentence: number): Set<string> {
    const c = this.columns;
    let terms = this.sentenceTerms.get(sentence);
    if (!terms) {
      terms = new Set<string>();
      for (let i = c.sentenceStart[sentence]!; i < c.sentenceStart[sentence + 1]!; i++) terms.add(c.terms[c.sentenceTermIds[i]!]!);
      this.sentenceTerms.set(sentence, terms);
    }
    return terms;
  }
}

/** A restored figure context: the term map and sentence terms, the bulky parts, are decoded on first read. */
class StoredContext implements FigureContext {
  private decodedTerms: Map<string, number> | undefined;
  readonly capitalizedWords: readonly string[] = [];

  constructor(
    private readonly store: ContextStore,
    private readonly position: number,
    private readonly sentence: number,
    readonly isTarget: boolean,
    readonly measures: Set<string>,
    readonly time: FigureContext["time"],
  ) {}

  get terms(): Map<string, number> {
    return (this.decodedTerms ??= this.store.terms(this.position));
  }

  get sentenceTerms(): Set<string> {
    return this.store.sentenceTermsOf(this.sentence);
  }
}

/** A source figure of a restored index: its context is decoded when first read. */
export class StoredFigure implements SourceFigure {
  private decoded: FigureContext | undefined;

  constructor(
    readonly figure: Figure,
    readonly sentence: SourceSentence,
    private readonly store: ContextStore,
    private readonly position: number,
  ) {}

  get context(): FigureContext {
    return (this.decoded ??= this.store.decode(this.position, this.sentence));
  }
}
