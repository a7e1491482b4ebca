// The index over source sentences: every sentence with its figures and names,
// a full-text index of the sentences, and per-figure contexts for the checker.
import { searchTerms, SentenceSearch } from "./sentenceSearch.js";
import type { Evidence, Figure, FigureKind, NameMention, SkippedFile, SourceDocument, SourceSentence } from "./types.js";
import { extractFigures } from "./figures.js";
import { extractNames, NameRegistry, type NameEntity } from "./names.js";
import { splitSentences, type SentenceSpan } from "./sentences.js";
import { paragraphsOf, placeInParagraph, placeInSource, sourceSpan, type Paragraph } from "./paragraphs.js";

export { placeInSource, sourceSpan };
import { foldPreservingOffsets } from "./normalize.js";
import { wordTokens } from "./terms.js";
import { contextOf, type FigureContext } from "./figureContext.js";
import { ContextColumnsBuilder, ContextStore, noContexts, StoredFigure } from "./contextColumns.js";
import { bestFirst, FigureRetrieval, type RetrievalQuery, type Scored } from "./figureRetrieval.js";
import { throwIfCancelled, type CancellationToken } from "../util/cancellation.js";
import { citedPlace, placeInDocument } from "./sources/citation.js";

export interface SearchHit {
  sentence: SourceSentence;
  score: number;
  /** Offsets in sentence.text of the words that matched. */
  highlights: Array<{ start: number; end: number }>;
}

import type { SourceFigure } from "./sourceFigure.js";
export type { SourceFigure };


/** Entity keys of the names in a sentence, as extra context terms ("@pham minh chinh"). */
export function entityTerms(sentence: SourceSentence | { names: SourceSentence["names"] }): Array<{ term: string; start: number; end?: number }> {
  // Places are already words of the context ("Korea", "Vietnam"); people and organisations add who.
  return sentence.names.filter((name) => name.kind !== "place").map((name) => ({ term: `@${name.key}`, start: name.titleStart ?? name.start, ...(name.kind === "person" ? { end: name.end } : {}) }));
}

export function evidenceOf(source: SourceFigure): Evidence {
  const span = sourceSpan(source.sentence, source.figure.start, source.figure.end);
  return { path: source.sentence.path, line: span.line, text: source.sentence.text, value: source.figure.text, start: span.start, end: span.end, ...citedPlace(source.sentence, span.line) };
}

/**
 * Figures and names of one paragraph (lines joined by a space); the persisted index (indexCache.ts)
 * replays stored ones.
 */
export type LineExtractor = (paragraph: string) => { figures: Figure[]; names: NameMention[] };

export const extractLine: LineExtractor = (line) => ({ figures: extractFigures(line), names: extractNames(line) });

/** What was read from one paragraph of a source before anything is added to the index. */
export interface ParagraphReading {
  paragraph: Paragraph;
  spans: SentenceSpan[];
  figures: Figure[];
  names: NameMention[];
}

/** A figure or name written across a wrapped line ("one⏎    million") is shown, cited and offered as "one million". */
function tidyText<T extends { text: string; qualifierText?: string }>(item: T): T {
  const untidy = (text: string | undefined) => text !== undefined && /\s\s|[^\S ]/.test(text);
  if (!untidy(item.text) && !untidy(item.qualifierText)) return item;
  const tidy = { ...item, text: item.text.replace(/\s+/g, " ") };
  if (item.qualifierText !== undefined) tidy.qualifierText = item.qualifierText.replace(/\s+/g, " ");
  return tidy;
}

/** Paragraphs of a source with their sentence spans, figures and names (offsets into each paragraph's text). */
export function readParagraphs(document: Pick<SourceDocument, "lines">, extract: LineExtractor = extractLine): ParagraphReading[] {
  return paragraphsOf(document.lines).map((paragraph) => {
    const { figures, names } = extract(paragraph.text);
    return { paragraph, spans: splitSentences(paragraph.text), figures: figures.map(tidyText), names: names.map(tidyText) };
  });
}

/** Names of a source as the index registers them: those inside a sentence, each with the line that states it. */
export function namesOfDocument(document: Pick<SourceDocument, "lines">, extract: LineExtractor = extractLine): Array<{ name: NameMention; line: number }> {
  const found: Array<{ name: NameMention; line: number }> = [];
  for (const { paragraph, spans, names } of readParagraphs(document, extract)) {
    for (const span of spans) {
      for (const name of names) if (name.start >= span.start && name.end <= span.end) found.push({ name, line: placeInParagraph(document.lines, paragraph, name.start).line });
    }
  }
  return found;
}

/** A sentence's place in its paragraph as a SourceSentence's line, columns and line breaks. */
function sentencePlace(lines: readonly string[], paragraph: Paragraph, span: SentenceSpan): Pick<SourceSentence, "line" | "start" | "end" | "endLine" | "breaks"> {
  const from = placeInParagraph(lines, paragraph, span.start);
  const to = placeInParagraph(lines, paragraph, span.end);
  if (to.line === from.line) return { line: from.line, start: from.character, end: to.character };
  const breaks: number[] = [];
  let lineStart = -span.start;
  for (let line = paragraph.firstLine; line < to.line; line++) {
    lineStart += lines[line]!.length + 1;
    if (line >= from.line) breaks.push(lineStart);
  }
  return { line: from.line, start: from.character, end: to.character, endLine: to.line, breaks };
}

/**
 * Statistics of a larger corpus than the documents indexed (an archive: the index holds only the
 * documents a check needs), so term rarity, ordinary words and names are those of the whole corpus.
 */
export interface CorpusStatistics {
  /** Sentences in the whole corpus. */
  sentenceCount: number;
  /** In how many sentences of the whole corpus a term occurs. */
  sentencesWith(term: string): number;
  isOrdinaryWord(folded: string): boolean;
  /** The whole corpus's finished registry: mentions are keyed by it, not added to it. */
  names: NameRegistry;
  /** How many documents of the whole corpus mention an entity. */
  sourceCount(entityKey: string): number;
}

export class CorpusIndex {
  readonly sentences: SourceSentence[] = [];
  readonly names: NameRegistry;
  readonly sourceFigures: SourceFigure[] = [];
  private readonly documentFrequency = new Map<string, number>();
  /** The documents (by index, ascending) that use each term, to tell whether a document talks about a subject at all. */
  private readonly documentsByTerm = new Map<string, number[] | Int32Array>();
  private readonly documentIndex = new Map<string, number>();
  /** Folded words seen in lower case somewhere: a capitalised one of these starting a sentence is not a name. */
  private readonly lowercaseWords = new Set<string>();
  private readonly search_ = new SentenceSearch();
  /** Figure contexts: collected while documents are added, then packed into columns. */
  private contextBuilder: ContextColumnsBuilder | undefined = new ContextColumnsBuilder();
  private readonly contexts = new ContextStore(noContexts());

  /** The documents indexed; a source that could not be read is moved to `skipped` during the build. */
  documents: readonly SourceDocument[];
  skipped: readonly SkippedFile[];

  private constructor(documents: readonly SourceDocument[], skipped: readonly SkippedFile[], private readonly statistics?: CorpusStatistics) {
    this.documents = documents;
    this.skipped = skipped;
    this.names = statistics?.names ?? new NameRegistry();
    documents.forEach((document, i) => this.documentIndex.set(document.path, i));
  }

  static build(documents: readonly SourceDocument[], skipped: readonly SkippedFile[] = [], token?: CancellationToken, extract: LineExtractor = extractLine, statistics?: CorpusStatistics): CorpusIndex {
    const index = new CorpusIndex(documents, skipped, statistics);
    for (const step of index.steps(extract)) {
      throwIfCancelled(token);
      step();
    }
    return index;
  }

  /**
   * The same index, built in slices that yield to the event loop every ~`sliceMs`, so a server
   * keeps answering (from the previous index) while a large corpus is indexed.
   */
  static async buildInSlices(
    documents: readonly SourceDocument[],
    skipped: readonly SkippedFile[] = [],
    options: { token?: CancellationToken; sliceMs?: number; onProgress?: (done: number, total: number) => void; extract?: LineExtractor } = {},
  ): Promise<CorpusIndex> {
    const index = new CorpusIndex(documents, skipped);
    const sliceMs = options.sliceMs ?? 20;
    let sliceStart = performance.now();
    let done = 0;
    // Steps are generated as the build goes: later ones depend on what earlier ones added.
    for (const step of index.steps(options.extract ?? extractLine)) {
      throwIfCancelled(options.token);
      step();
      done++;
      if (performance.now() - sliceStart >= sliceMs) {
        // Each document is read, then added: two steps each.
        options.onProgress?.(Math.min(documents.length, done >> 1), documents.length);
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    return index;
  }

  /** The build as small steps: reading each document, adding each, then the finishing passes in chunks. */
  private *steps(extract: LineExtractor): Generator<() => void> {
    // Read every document first: one that fails is skipped with its reason, and the others go on.
    const readings: Array<ParagraphReading[] | undefined> = new Array(this.documents.length);
    for (const [i, document] of this.documents.entries()) yield () => (readings[i] = this.readDocument(document, extract));
    yield () => {
      const kept = this.documents.filter((_, i) => readings[i] !== undefined);
      if (kept.length === this.documents.length) return;
      const usable = readings.filter((r): r is ParagraphReading[] => r !== undefined);
      readings.length = 0;
      readings.push(...usable);
      this.documents = kept;
      this.documentIndex.clear();
      kept.forEach((document, i) => this.documentIndex.set(document.path, i));
    };
    for (let i = 0; ; i++) {
      // The count is known only after the step above has run.
      if (i >= this.documents.length) break;
      yield () => {
        this.addDocument(this.documents[i]!, i, readings[i]!);
        readings[i] = undefined;
      };
    }
    yield () => {
      for (const [term, list] of this.documentsByTerm) this.documentsByTerm.set(term, Int32Array.from(list));
    };
    yield () => {
      if (!this.statistics) this.names.finalize();
      // Re-key mentions to the entities the registry settled on (surnames -> full names), and the
      // entity terms of the figure contexts with them.
      let figure = 0;
      for (const sentence of this.sentences) {
        // Figures were added sentence by sentence, so this sentence's come next.
        const first = figure;
        while (figure < this.sourceFigures.length && this.sourceFigures[figure]!.sentence === sentence) figure++;
        const renamed = new Map<string, string>();
        for (const name of sentence.names) {
          const key = this.names.resolveAlias(name.key) ?? name.key;
          if (key !== name.key) renamed.set(`@${name.key}`, `@${key}`);
          name.key = key;
        }
        if (renamed.size > 0) this.contextBuilder?.rename(first, figure, sentence.id, renamed);
      }
    };
    yield () => {
      // From here on contexts are read from packed columns, decoded per figure when first needed.
      this.contexts.load(this.contextBuilder?.finish(this.sentences.length) ?? noContexts());
      this.contextBuilder = undefined;
      // The registry has every mention; sentences keep the titled ones only (a sixth of the index's memory otherwise).
      for (const sentence of this.sentences) if (sentence.names.length > 0) sentence.names = sentence.names.filter((name) => name.title !== undefined);
    };
    yield () => {
      for (const entity of this.names.all()) this.sourcesNaming.set(entity.key, new Set(entity.mentions.map((m) => m.path)).size);
    };
    const CHUNK = 500;
    yield () => {
      const figures = this.sourceFigures.map((s) => ({ kind: s.figure.kind, unit: s.figure.unit, document: this.documentOf(s) }));
      this.retrieval = FigureRetrieval.fromColumns(figures, this.contexts.all, this);
    };
    for (let from = 0; from < this.sentences.length; from += CHUNK) {
      yield () => {
        for (const sentence of this.sentences.slice(from, from + CHUNK)) this.search_.add(sentence.id, sentence.text);
      };
    }
    yield () => this.search_.finish();
  }


  /** Paragraphs, sentences, figures and names of a document, or undefined (and a skipped file) if reading it fails. */
  private readDocument(document: SourceDocument, extract: LineExtractor): ParagraphReading[] | undefined {
    try {
      return readParagraphs(document, extract);
    } catch (error) {
      // An engine fault on one file written by somebody else must not cost the whole index.
      const message = error instanceof Error ? error.message : String(error);
      this.skipped = [...this.skipped, { path: document.path, reason: `could not be indexed (internal error: ${message})` }];
      return undefined;
    }
  }

  private addDocument(document: SourceDocument, documentIndex: number, readings: readonly ParagraphReading[]): void {
    const documentTerms = new Set<string>();
    for (const { paragraph, spans, figures: paragraphFigures, names: paragraphNames } of readings) {
      for (const span of spans) {
        const text = paragraph.text.slice(span.start, span.end);
        const within = <T extends { start: number; end: number }>(items: T[]) =>
          items.filter((item) => item.start >= span.start && item.end <= span.end).map((item) => ({ ...item, start: item.start - span.start, end: item.end - span.start }));
        const place = sentencePlace(document.lines, paragraph, span);
        const sentence: SourceSentence = {
          id: this.sentences.length,
          path: document.path,
          ...place,
          text,
          figures: within(paragraphFigures),
          names: within(paragraphNames),
        };
        if (document.format) Object.assign(sentence, placeInDocument(document, sentence.line, sentence.endLine));
        this.sentences.push(sentence);
        if (!this.statistics) for (const name of sentence.names) this.names.add(name, { path: document.path, line: placeInSource(sentence, name.start).line, sentence: text });
        const seen = new Set<string>();
        const tokens = wordTokens(text);
        for (const token of tokens) {
          if (!token.capitalized) this.lowercaseWords.add(token.word);
          const term = token.term;
          if (!term) continue;
          documentTerms.add(term);
          if (!seen.has(term)) {
            seen.add(term);
            this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
          }
        }
        for (const name of sentence.names) {
          const term = `@${name.key}`;
          if (!seen.has(term)) {
            seen.add(term);
            this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
          }
        }
        const entities = sentence.figures.length > 0 ? entityTerms(sentence) : [];
        for (const figure of sentence.figures) {
          const context = contextOf(figure, text, sentence.figures, entities, tokens);
          const position = this.contextBuilder!.add(context, sentence.id, sentence.figures);
          this.sourceFigures.push(new StoredFigure(figure, sentence, this.contexts, position));
        }
      }
    }
    for (const term of documentTerms) {
      const list = this.documentsByTerm.get(term) as number[] | undefined;
      if (list) list.push(documentIndex);
      else this.documentsByTerm.set(term, [documentIndex]);
    }
  }

  /** Rarity weight of a term: rare words say more about what a figure measures. */
  idf(term: string): number {
    const df = this.sentencesWith(term);
    // A word no source uses cannot match anything, so it must not dilute a similarity either.
    if (df === 0) return 0;
    return Math.max(0.05, Math.log((this.sentenceCount + 1) / (df + 0.5)));
  }

  /** In how many sentences a term occurs (of the whole corpus when statistics were given). */
  sentencesWith(term: string): number {
    return this.statistics ? this.statistics.sentencesWith(term) : (this.documentFrequency.get(term) ?? 0);
  }

  private get sentenceCount(): number {
    return this.statistics?.sentenceCount ?? this.sentences.length;
  }

  /** Terms with their sentence counts and the words seen in lower case, of the documents indexed (what an archive stores of each). */
  ownStatistics(): { sentencesWith: ReadonlyMap<string, number>; lowercaseWords: ReadonlySet<string> } {
    return { sentencesWith: this.documentFrequency, lowercaseWords: this.lowercaseWords };
  }

  private readonly sourcesNaming = new Map<string, number>();

  /** How many source documents mention the entity (counted once, for hovers on names that are everywhere). */
  sourceCount(entity: NameEntity): number {
    if (this.statistics) return this.statistics.sourceCount(entity.key);
    return this.sourcesNaming.get(entity.key) ?? 0;
  }

  /** The index in `documents` of the document with this display path, or -1. */
  documentNumber(path: string): number {
    return this.documentIndex.get(path) ?? -1;
  }

  /** The index of the document a source figure comes from. */
  documentOf(source: SourceFigure): number {
    return this.documentNumber(source.sentence.path);
  }

  /** The documents (by index) that use every one of the terms. */
  documentsMentioningAll(terms: readonly string[]): Uint8Array {
    const distinct = new Set(terms);
    const counts = new Uint8Array(this.documents.length);
    for (const term of distinct) for (const document of this.documentsByTerm.get(term) ?? []) counts[document]!++;
    return counts.map((count) => (count === distinct.size ? 1 : 0));
  }

  /** Whether a folded word appears in lower case in the sources (so it is an ordinary word). */
  isOrdinaryWord(folded: string): boolean {
    if (this.statistics) return this.statistics.isOrdinaryWord(folded);
    return this.lowercaseWords.has(folded);
  }

  /** Whether a folded word occurs anywhere in the sources. */
  knowsTerm(term: string): boolean {
    return this.sentencesWith(term) > 0;
  }

  search(query: string, options: { limit?: number } = {}): SearchHit[] {
    const limit = options.limit ?? 20;
    if (query.trim().length === 0) return [];
    // Ranked as MiniSearch ranked: prefix matching for the last word, typo tolerance while it stays cheap.
    const hits = this.search_.search(query, { limit });
    const queryTerms = new Set(searchTerms(query));
    return hits.map((hit) => {
      const sentence = this.sentences[hit.id]!;
      return { sentence, score: hit.score, highlights: highlightsIn(sentence.text, queryTerms, hit.terms) };
    });
  }

  private figuresByKind: Map<FigureKind, SourceFigure[]> | undefined;

  figures(kind?: FigureKind): SourceFigure[] {
    if (!kind) return this.sourceFigures;
    this.figuresByKind ??= groupBy(this.sourceFigures, (source) => source.figure.kind);
    return this.figuresByKind.get(kind) ?? [];
  }

  private retrieval = FigureRetrieval.build([], this);

  /** The source figures the query accepts that are at least `query.minimum` alike `context`, in no particular order. */
  related(context: FigureContext, query: RetrievalQuery): Scored[] {
    return this.retrieval.related(context, this, query);
  }

  /** The same figures, best first (ties by index), made one at a time. */
  relatedBestFirst(context: FigureContext, query: RetrievalQuery): Iterable<Scored> {
    return this.retrieval.relatedBestFirst(context, this, query);
  }

  /**
   * Source figures that fit the draft sentence being written, best first: each is scored as if
   * a figure stood at the end of `context`, with the same similarity the checker uses.
   */
  figuresFitting(context: string, options: { limit?: number; kind?: FigureKind } = {}): Array<SourceFigure & { score: number }> {
    const limit = options.limit ?? 20;
    const text = `${context.trimEnd()} 0`;
    const probe: Figure = { kind: options.kind ?? "money", text: "0", start: text.length - 1, end: text.length, value: 0, unit: "", qualifier: "exact" };
    const probeContext = contextOf(probe, text, [probe]);
    const kind = options.kind;
    const figures = this.sourceFigures;
    const scored = this.retrieval.related(probeContext, this, { minimum: Number.MIN_VALUE, best: Math.max(limit * 20, 500), ...(kind ? { kind } : {}) });
    const seen = new Set<string>();
    const fitting: Array<SourceFigure & { score: number }> = [];
    const offer = (source: SourceFigure, score: number) => {
      // One entry per stated value: "$81.5 billion" and "US$81.5 billion" are the same figure.
      const f = source.figure;
      const key = `${f.kind}|${f.value}|${f.upper ?? ""}|${f.unit}|${f.qualifier}`;
      if (fitting.length >= limit || seen.has(key)) return;
      seen.add(key);
      fitting.push({ figure: source.figure, sentence: source.sentence, context: source.context, score });
    };
    // Taken best first from a heap: a large corpus can share a word with every figure.
    for (const { index, score } of bestFirst(scored)) {
      if (fitting.length >= limit) break;
      offer(figures[index]!, score);
    }
    // A small corpus offers its other figures too, after those that fit.
    if (fitting.length < limit && figures.length <= CorpusIndex.POOL_THRESHOLD) {
      const scoredIndexes = new Set(scored.map((s) => s.index));
      figures.forEach((source, i) => {
        if (!scoredIndexes.has(i) && (!kind || source.figure.kind === kind)) offer(source, 0);
      });
    }
    return fitting;
  }

  /** Below this many figures, completion may offer figures that share no word with the sentence. */
  static readonly POOL_THRESHOLD = 3000;
}

function groupBy<K, T>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Offsets in `text` of the query's words (and of what matched them), for highlighting a hit. */
export function highlightsIn(text: string, queryTerms: Set<string>, matchedTerms: string[]): Array<{ start: number; end: number }> {
  const wanted = new Set([...queryTerms, ...matchedTerms]);
  const folded = foldPreservingOffsets(text);
  const highlights: Array<{ start: number; end: number }> = [];
  const pattern = /[\p{L}\p{N}]+(?:[.,'][\p{L}\p{N}]+)*/gu;
  for (let match = pattern.exec(folded); match; match = pattern.exec(folded)) {
    const word = match[0];
    if (wanted.has(word) || [...queryTerms].some((q) => q.length > 3 && word.startsWith(q))) {
      highlights.push({ start: match.index, end: match.index + word.length });
    }
  }
  return highlights;
}
