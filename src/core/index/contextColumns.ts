// Figure contexts of the index as columns of typed arrays, packed as the index is built (and so
// persisted and restored as they are), decoded one figure at a time on first use. A large index has
// tens of thousands of source figures; a check reads the contexts of a few thousand of them, so a
// Map and Sets for every context would be memory and start-up time wasted.
import type { SourceFigure } from "./sourceFigure.js";
import type { FigureContext } from "../extract/figureContext.js";
import type { Figure, SourceSentence } from "../types.js";

/** The contexts of all source figures, in figure order (term lists in each context's own order). */
export interface ContextColumns {
  terms: string[];
  /** Figure f's terms are termIds/weightCodes [contextStart[f], contextStart[f + 1]). */
  contextStart: Int32Array;
  termIds: Int32Array;
  /** Weights as codes into `weightTable`: they come from a few hundred distances, so two bytes say each exactly. */
  weightCodes: Uint16Array | Uint32Array;
  weightTable: Float64Array;
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

/** A figure's context with its terms numbered by the builder (see ContextColumnsBuilder.addNumbered). */
export interface NumberedContext {
  termIds: readonly number[];
  weights: readonly number[];
  /** The sentence's terms, numbered: given with a sentence's first figure. */
  sentenceTermIds?: number[];
  isTarget: boolean;
  measures: string[];
  /** The index in its sentence's figures of the date the figure refers to, or -1; its years; its preposition. */
  timeFigure: number;
  timeFrom: number;
  timeTo: number;
  preposition: string | undefined;
}

/** Collects contexts into columns as the index is built; `finish` packs them into typed arrays. */
export class ContextColumnsBuilder {
  private readonly termIds = new Map<string, number>();
  private readonly prepositionIds = new Map<string, number>();
  private readonly contextStart: number[] = [0];
  private ids: number[] = [];
  private weights: number[] = [];
  private readonly sentenceTerms = new Map<number, number[]>();
  private readonly isTarget: number[] = [];
  private readonly timeFigure: number[] = [];
  private readonly timeFrom: number[] = [];
  private readonly timeTo: number[] = [];
  private readonly timePreposition: number[] = [];
  private readonly measures: Record<number, string[]> = {};

  /** The number of a context term in the columns (numbered now if new). */
  idOf(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) this.termIds.set(term, (id = this.termIds.size));
    return id;
  }

  /** Adds the context of a figure of `sentence` (whose figures' list gives the time's place); returns its position. */
  add(context: FigureContext, sentence: number, sentenceFigures: readonly Figure[]): number {
    const termIds: number[] = [];
    const weights: number[] = [];
    for (const [term, weight] of context.terms) termIds.push(this.idOf(term)), weights.push(weight);
    const sentenceTermIds = this.sentenceTerms.has(sentence) ? undefined : [...context.sentenceTerms].map((t) => this.idOf(t));
    const time = context.time;
    return this.addNumbered({
      termIds,
      weights,
      ...(sentenceTermIds ? { sentenceTermIds } : {}),
      isTarget: context.isTarget,
      measures: [...context.measures],
      timeFigure: time ? sentenceFigures.indexOf(time.figure) : -1,
      timeFrom: time?.from ?? 0,
      timeTo: time?.to ?? 0,
      preposition: time?.preposition,
    }, sentence);
  }

  /** `add` for a context whose terms are numbered already (by idOf); the sentence's terms are kept from its first figure. */
  addNumbered(context: NumberedContext, sentence: number): number {
    const position = this.isTarget.length;
    for (let i = 0; i < context.termIds.length; i++) this.ids.push(context.termIds[i]!), this.weights.push(context.weights[i]!);
    this.contextStart.push(this.ids.length);
    if (context.sentenceTermIds && !this.sentenceTerms.has(sentence)) this.sentenceTerms.set(sentence, context.sentenceTermIds);
    this.isTarget.push(context.isTarget ? 1 : 0);
    if (context.measures.length > 0) this.measures[position] = context.measures;
    this.timeFigure.push(context.timeFigure);
    this.timeFrom.push(context.timeFrom);
    this.timeTo.push(context.timeTo);
    let preposition = -1;
    if (context.preposition !== undefined) {
      if (!this.prepositionIds.has(context.preposition)) this.prepositionIds.set(context.preposition, this.prepositionIds.size);
      preposition = this.prepositionIds.get(context.preposition)!;
    }
    this.timePreposition.push(preposition);
    return position;
  }

  /**
   * Renames terms in the contexts at positions [from, to) and in their sentence's terms (entity keys
   * settled after the names were all seen); a renamed term already present keeps the larger weight.
   */
  rename(from: number, to: number, sentence: number, renamed: ReadonlyMap<string, string>): void {
    const ids = new Map([...renamed].map(([a, b]) => [this.idOf(a), this.idOf(b)]));
    for (let position = from; position < to; position++) {
      const start = this.contextStart[position]!;
      const end = this.contextStart[position + 1]!;
      for (let i = start; i < end; i++) {
        const target = ids.get(this.ids[i]!);
        if (target === undefined) continue;
        const existing = this.ids.slice(start, end).indexOf(target);
        if (existing < 0) {
          this.ids[i] = target;
          continue;
        }
        // Merged into the entry already there; this one is dropped when packing.
        this.weights[start + existing] = Math.max(this.weights[start + existing]!, this.weights[i]!);
        this.ids[i] = -1;
      }
    }
    const terms = this.sentenceTerms.get(sentence);
    if (terms) this.sentenceTerms.set(sentence, [...new Set(terms.map((t) => ids.get(t) ?? t))]);
  }

  finish(sentences: number): ContextColumns {
    // Pack, leaving out entries merged away by rename().
    const contextStart = new Int32Array(this.contextStart.length);
    const termIds: number[] = [];
    const weights: number[] = [];
    for (let position = 0; position + 1 < this.contextStart.length; position++) {
      for (let i = this.contextStart[position]!; i < this.contextStart[position + 1]!; i++) {
        if (this.ids[i]! < 0) continue;
        termIds.push(this.ids[i]!);
        weights.push(this.weights[i]!);
      }
      contextStart[position + 1] = termIds.length;
    }
    const sentenceStart = new Int32Array(sentences + 1);
    const sentenceIds: number[] = [];
    for (let s = 0; s < sentences; s++) {
      for (const id of this.sentenceTerms.get(s) ?? []) sentenceIds.push(id);
      sentenceStart[s + 1] = sentenceIds.length;
    }
    this.ids = [];
    this.weights = [];
    return {
      terms: [...this.termIds.keys()],
      contextStart,
      termIds: Int32Array.from(termIds),
      ...encodeWeights(weights),
      sentenceStart,
      sentenceTermIds: Int32Array.from(sentenceIds),
      isTarget: Uint8Array.from(this.isTarget),
      timeFigure: Int32Array.from(this.timeFigure),
      timeFrom: Int32Array.from(this.timeFrom),
      timeTo: Int32Array.from(this.timeTo),
      timePreposition: Int32Array.from(this.timePreposition),
      prepositions: [...this.prepositionIds.keys()],
      measures: this.measures,
    };
  }
}

/** Weights as codes into a table of the distinct values (exact: the values themselves are kept). */
function encodeWeights(weights: readonly number[]): Pick<ContextColumns, "weightCodes" | "weightTable"> {
  const codes = new Map<number, number>();
  for (const weight of weights) if (!codes.has(weight)) codes.set(weight, codes.size);
  const weightCodes = codes.size <= 0x10000 ? new Uint16Array(weights.length) : new Uint32Array(weights.length);
  weights.forEach((weight, i) => (weightCodes[i] = codes.get(weight)!));
  return { weightCodes, weightTable: Float64Array.from(codes.keys()) };
}

/** Columns with no figures, for an index not built yet. */
export function noContexts(): ContextColumns {
  return new ContextColumnsBuilder().finish(0);
}

export class ContextStore {
  private readonly sentenceTerms = new Map<number, Set<string>>();

  constructor(private columns: ContextColumns) {}

  /** The columns themselves (for the persisted index). */
  get all(): ContextColumns {
    return this.columns;
  }

  /** Takes the columns of a finished build; contexts decoded before are forgotten. */
  load(columns: ContextColumns): void {
    this.columns = columns;
    this.sentenceTerms.clear();
  }

  /** The context of the figure at `position`, whose sentence is `sentence`. */
  decode(position: number, sentence: SourceSentence): FigureContext {
    const measures = this.columns.measures[position];
    return new StoredContext(this, position, sentence, this.columns.isTarget[position] === 1, measures ? new Set(measures) : NO_MEASURES);
  }

  /** The time a figure refers to, if it states one. */
  timeOf(position: number, sentence: SourceSentence): FigureContext["time"] {
    const c = this.columns;
    const figure = sentence.figures[c.timeFigure[position]!];
    if (c.timeFrom[position] === 0 || !figure) return undefined;
    const preposition = c.timePreposition[position]!;
    return { from: c.timeFrom[position]!, to: c.timeTo[position]!, figure, ...(preposition >= 0 ? { preposition: c.prepositions[preposition]! } : {}) };
  }

  /** A figure's terms and weights, in the order the context had them. */
  terms(position: number): Map<string, number> {
    const c = this.columns;
    const terms = new Map<string, number>();
    for (let i = c.contextStart[position]!; i < c.contextStart[position + 1]!; i++) terms.set(c.terms[c.termIds[i]!]!, c.weightTable[c.weightCodes[i]!]!);
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

/** A figure context over the columns: the term map, sentence terms and time are decoded on first read. */
class StoredContext implements FigureContext {
  private decodedTerms: Map<string, number> | undefined;
  private decodedTime: { value: FigureContext["time"] } | undefined;
  readonly capitalizedWords: readonly string[] = [];

  constructor(
    private readonly store: ContextStore,
    private readonly position: number,
    private readonly sentence: SourceSentence,
    readonly isTarget: boolean,
    readonly measures: Set<string>,
  ) {}

  get terms(): Map<string, number> {
    return (this.decodedTerms ??= this.store.terms(this.position));
  }

  get sentenceTerms(): Set<string> {
    return this.store.sentenceTermsOf(this.sentence.id);
  }

  get time(): FigureContext["time"] {
    return (this.decodedTime ??= { value: this.store.timeOf(this.position, this.sentence) }).value;
  }
}

/** Shared by the contexts without measure words (most); never modified. */
const NO_MEASURES: Set<string> = new Set();

/** A source figure of the index: its context is decoded from the columns when first read. */
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
