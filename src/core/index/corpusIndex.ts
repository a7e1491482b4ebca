// The index over source sentences: every sentence with its figures and names,
// a full-text index of the sentences, and per-figure contexts for the checker.
import { searchTerms, SentenceSearch } from "./sentenceSearch.js";
import type { Evidence, Figure, FigureKind, NameMention, SkippedFile, SourceDocument, SourceSentence } from "../types.js";
import { NameRegistry, type NameEntity } from "../extract/names.js";
import type { SentenceSpan } from "../sources/sentences.js";
import { placeInParagraph, placeInSource, sourceSpan, type Paragraph } from "../sources/paragraphs.js";
import { extractLine, readParagraphs, type LineExtractor, type ParagraphReading } from "../sources/documentReading.js";
import { ParallelReader, readWorkerFile, wordsInReaders, type ParallelReading } from "../sources/parallelRead.js";

export { placeInSource, sourceSpan, extractLine, readParagraphs, type LineExtractor, type ParagraphReading };
import { foldPreservingOffsets } from "../extract/normalize.js";
import { wordTokens, type WordToken } from "../extract/terms.js";
import { TermStatistics } from "./termStatistics.js";
import type { SentenceWords } from "./sentenceWords.js";
import { contextOf, type FigureContext } from "../extract/figureContext.js";
import { ContextColumnsBuilder, ContextStore, noContexts, StoredFigure } from "./contextColumns.js";
import { bestFirst, FigureRetrieval, type RetrievalQuery, type Scored } from "./figureRetrieval.js";
import { throwIfCancelled, type CancellationToken } from "../../util/cancellation.js";
import { citedPlace, placeInDocument } from "../sources/citation.js";
import { OwnStrings } from "./ownStrings.js";
import { linesOf, passingText, StoredSentence, type SentenceSource } from "./storedSentence.js";

/** A document as read: its paragraphs, and its sentences' words when a reader thread worked them out. */
interface DocumentReading {
  readings: ParagraphReading[];
  words?: SentenceWords[];
}

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

/** How a build reads its sources: in worker threads, and which documents to read on the main thread anyway. */
export interface ReadingOptions {
  /** Extracts a paragraph's figures and names on the main thread (default: the grammars). */
  extract?: LineExtractor;
  /** Worker threads reading documents (0 or 1 and a small corpus: none, everything is read here). */
  threads?: number;
  /** Whether readers work out sentences' words too (default: with 3 or more readers, see wordsInReaders). */
  readerWords?: boolean;
  /** Below this many characters of sources no worker is started (starting one costs ~50 ms). */
  parallelMinChars?: number;
  /** Documents to read on the main thread with `extract` (e.g. whose extractions are stored). */
  readHere?: (document: SourceDocument) => boolean;
  /** Told every document's readings as they are added, in order (to store extractions). */
  onRead?: (document: SourceDocument, readings: readonly ParagraphReading[]) => void;
}

/** Sources smaller than this are read on the main thread: a worker would cost more to start than it saves. */
const PARALLEL_MIN_CHARS = 1_000_000;

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

/** A sentence of a paragraph as the index keeps it: where it stands in the document's lines (see StoredSentence). */
function storedSentence(id: number, source: SentenceSource, lines: readonly string[], paragraph: Paragraph, span: SentenceSpan, figures: Figure[], names: NameMention[]): StoredSentence {
  const from = placeInParagraph(lines, paragraph, span.start);
  const to = placeInParagraph(lines, paragraph, span.end);
  return new StoredSentence(id, source, from.line, from.character, to.line, to.character, figures, names);
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
  /** The terms a whole document uses, when only some of its lines are indexed (those a check asks about suffice). */
  documentTerms?(path: string): Iterable<string> | undefined;
  /** The words a whole document writes with a capital inside a sentence, when only some of its lines are indexed. */
  documentCapitals?(path: string): ReadonlySet<string> | undefined;
}

export class CorpusIndex {
  readonly sentences: SourceSentence[] = [];
  readonly names: NameRegistry;
  readonly sourceFigures: SourceFigure[] = [];
  /** Sentences and documents using each term: rarity weights, and whether a document talks about a subject at all. */
  private readonly terms = new TermStatistics();
  private readonly documentIndex = new Map<string, number>();
  /** Folded words seen in lower case somewhere: a capitalised one of these starting a sentence is not a name. */
  private readonly lowercaseWords = new Set<string>();
  private readonly search_ = new SentenceSearch();
  /** Figure contexts: collected while documents are added, then packed into columns. */
  private contextBuilder: ContextColumnsBuilder | undefined = new ContextColumnsBuilder();
  /** Names and figures' strings as the index keeps them, while it is built (see OwnStrings). */
  private strings: OwnStrings | undefined = new OwnStrings();
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
    for (const step of index.steps((document) => index.readDocument(document, extract))) {
      throwIfCancelled(token);
      if (typeof step !== "function") throw new Error("a synchronous build cannot wait for readers");
      step();
    }
    return index;
  }

  /**
   * The same index, built in slices that yield to the event loop every ~`sliceMs`, so a server
   * keeps answering (from the previous index) while a large corpus is indexed. With `threads`,
   * documents are read in worker threads while this thread adds those already read.
   */
  static async buildInSlices(
    documents: readonly SourceDocument[],
    skipped: readonly SkippedFile[] = [],
    options: { token?: CancellationToken; sliceMs?: number; onProgress?: (done: number, total: number) => void } & ReadingOptions = {},
  ): Promise<CorpusIndex> {
    const index = new CorpusIndex(documents, skipped);
    const sliceMs = options.sliceMs ?? 20;
    const extract = options.extract ?? extractLine;
    const reader = index.parallelReader(options);
    const read = (document: SourceDocument, i: number): DocumentReading | undefined | Promise<DocumentReading | undefined> => {
      const here = () => index.readDocument(document, extract);
      if (!reader || options.readHere?.(document)) return here();
      return reader.read(i).then((reading) => index.received(document, reading) ?? here());
    };
    let sliceStart = performance.now();
    try {
      // Steps are generated as the build goes: later ones depend on what earlier ones added.
      for (const step of index.steps(read, options.onRead)) {
        throwIfCancelled(options.token);
        if (typeof step === "function") step();
        else await step;
        if (performance.now() - sliceStart >= sliceMs) {
          options.onProgress?.(index.added, documents.length);
          await new Promise((resolve) => setImmediate(resolve));
          sliceStart = performance.now();
        }
      }
    } finally {
      reader?.close();
    }
    return index;
  }

  private parallelReader(options: ReadingOptions): ParallelReader | undefined {
    const threads = options.threads ?? 0;
    if (threads < 1) return undefined;
    let chars = 0;
    for (const document of this.documents) for (const line of document.lines) chars += line.length + 1;
    const file = readWorkerFile();
    if (!file || chars < (options.parallelMinChars ?? PARALLEL_MIN_CHARS)) return undefined;
    return new ParallelReader(this.documents, threads, file, options.readerWords ?? wordsInReaders(threads));
  }

  /** A worker's reading of a document; its failure is the document's, as if read here. */
  private received(document: SourceDocument, reading: ParallelReading): DocumentReading | undefined {
    if (reading === undefined) return undefined;
    if ("error" in reading) {
      this.skipDocument(document, reading.error);
      return undefined;
    }
    return reading;
  }

  /** Documents added so far (progress of a build). */
  private added = 0;
  /** Sentences added to the search while documents were added (those whose search terms a reader counted). */
  private searchAdded = 0;

  /**
   * The build as small steps: reading and adding each document in order (a reading may be a promise
   * from a worker, yielded to be awaited), then the finishing passes in chunks.
   */
  private *steps(
    read: (document: SourceDocument, i: number) => DocumentReading | undefined | Promise<DocumentReading | undefined>,
    onRead?: ReadingOptions["onRead"],
  ): Generator<(() => void) | Promise<unknown>> {
    // A document that fails to read is skipped with its reason, and the others go on.
    const kept: SourceDocument[] = [];
    for (const [i, document] of this.documents.entries()) {
      let reading = read(document, i);
      if (reading instanceof Promise) yield reading.then((r) => (reading = r));
      yield () => {
        const read = reading as DocumentReading | undefined;
        if (read === undefined) return;
        onRead?.(document, read.readings);
        this.addDocument(document, kept.length, read);
        kept.push(document);
        this.added = i + 1;
      };
    }
    yield () => {
      if (kept.length === this.documents.length) return;
      this.documents = kept;
      this.documentIndex.clear();
      kept.forEach((document, i) => this.documentIndex.set(document.path, i));
    };
    yield () => this.terms.finish();
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
      this.strings = undefined;
      // The registry has every mention; sentences keep the titled ones only (a sixth of the index's memory otherwise).
      for (const sentence of this.sentences) if (sentence.names.length > 0) sentence.names = titledOnly(sentence.names);
    };
    yield () => {
      for (const entity of this.names.all()) this.sourcesNaming.set(entity.key, new Set(entity.mentions.map((m) => m.path)).size);
    };
    yield () => {
      const figures = this.sourceFigures.map((s) => ({ kind: s.figure.kind, unit: s.figure.unit, document: this.documentOf(s) }));
      this.retrieval = FigureRetrieval.fromColumns(figures, this.contexts.all, this);
    };
    // An index over part of an archive is only checked against: the archive itself answers searches.
    const CHUNK = 500;
    for (let from = this.searchAdded; !this.statistics && from < this.sentences.length; from += CHUNK) {
      yield () => {
        for (const sentence of this.sentences.slice(from, from + CHUNK)) this.search_.add(sentence.id, passingText(sentence));
      };
    }
    yield () => this.search_.finish();
  }


  /** Paragraphs, sentences, figures and names of a document, or undefined (and a skipped file) if reading it fails. */
  private readDocument(document: SourceDocument, extract: LineExtractor): DocumentReading | undefined {
    try {
      return { readings: readParagraphs(document, extract) };
    } catch (error) {
      // An engine fault on one file written by somebody else must not cost the whole index.
      this.skipDocument(document, error instanceof Error ? error.message : String(error));
      return undefined;
    }
  }

  private skipDocument(document: SourceDocument, message: string): void {
    this.skipped = [...this.skipped, { path: document.path, reason: `could not be indexed (internal error: ${message})` }];
  }

  private addDocument(document: SourceDocument, documentIndex: number, { readings, words: readWords }: DocumentReading): void {
    // An archive's statistics may know the terms of the whole document (only some of its lines are indexed).
    const wholeDocumentTerms = this.statistics?.documentTerms?.(document.path);
    let nth = 0;
    const source = linesOf(document);
    for (const { paragraph, spans, figures: paragraphFigures, names: paragraphNames } of readings) {
      for (const span of spans) {
        const text = paragraph.text.slice(span.start, span.end);
        const sentence = storedSentence(this.sentences.length, source, document.lines, paragraph, span, itemsWithin(paragraphFigures, span, this.strings!), itemsWithin(paragraphNames, span, this.strings!));
        if (document.format) Object.assign(sentence, placeInDocument(document, sentence.line, sentence.endLine));
        this.sentences.push(sentence);
        // The registry's mentions share the sentence's text as cut from the document's lines, not the paragraph's (see OwnStrings).
        if (!this.statistics) for (const name of sentence.names) this.names.add(name, { path: document.path, line: placeInSource(sentence, name.start).line, sentence: sentence.text });
        // A reader thread worked out the words of the sentence; figure contexts need its tokens still.
        const tokens = sentence.figures.length > 0 || !readWords ? wordTokens(text) : undefined;
        const words = readWords?.[nth++];
        if (words) for (const word of words.lowercase) this.lowercaseWords.add(word);
        // Read here: the tokens as they are (what sentenceWords would make of them, without its sets and arrays).
        else for (const token of tokens!) if (!token.capitalized) this.lowercaseWords.add(token.word);
        this.terms.add(sentence.id, documentIndex, words?.terms ?? termsOf(tokens!), wholeDocumentTerms !== undefined);
        // An index over part of an archive is only checked against: the archive itself answers searches.
        // Search terms a reader counted are added now; otherwise the search is built after the
        // documents (its builder would add to the build's peak memory), from then on in order.
        if (!this.statistics && words?.search && this.searchAdded === sentence.id) {
          this.search_.addCounted(sentence.id, words.search);
          this.searchAdded++;
        }
        if (sentence.names.length > 0) this.terms.add(sentence.id, documentIndex, sentence.names.map((name) => `@${name.key}`), true);
        // Untitled names of a sentence without figures are read no more (the registry has them): dropped now, not at the end of the build.
        if (sentence.figures.length === 0 && sentence.names.length > 0) sentence.names = titledOnly(sentence.names);
        const entities = sentence.figures.length > 0 ? entityTerms(sentence) : [];
        // Contexts read the figures through a copy of the list: figureContext keeps what it works out
        // of a list (sorted figures, spans, the text) for as long as the list lives, and the
        // sentence's own list lives as long as the index (~2× the corpus on real text otherwise).
        const figuresRead = sentence.figures.length > 0 ? [...sentence.figures] : sentence.figures;
        for (const figure of sentence.figures) {
          const context = contextOf(figure, text, figuresRead, entities, tokens!);
          const position = this.contextBuilder!.add(context, sentence.id, sentence.figures);
          this.sourceFigures.push(new StoredFigure(figure, sentence, this.contexts, position));
        }
      }
    }
    if (wholeDocumentTerms) this.terms.addDocument(documentIndex, wholeDocumentTerms);
    // The title says what the whole document is about ("Statement from President Joe Biden on …"
    // over a text in the first person): its words name the document's subjects, though no sentence states them.
    else this.terms.addDocument(documentIndex, wordTokens(document.title).flatMap((token) => (token.term ? [token.term] : [])));
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
    return this.statistics ? this.statistics.sentencesWith(term) : this.terms.sentenceCount(term);
  }

  private get sentenceCount(): number {
    return this.statistics?.sentenceCount ?? this.sentences.length;
  }

  /** Terms with their sentence counts and the words seen in lower case, of the documents indexed (what an archive stores of each). */
  ownStatistics(): { sentencesWith: ReadonlyMap<string, number>; lowercaseWords: ReadonlySet<string> } {
    return { sentencesWith: this.terms.sentenceCounts(), lowercaseWords: this.lowercaseWords };
  }

  private readonly sourcesNaming = new Map<string, number>();

  /** How many source documents mention the entity (counted once, for hovers on names that are everywhere). */
  sourceCount(entity: NameEntity): number {
    if (this.statistics) return this.statistics.sourceCount(entity.key);
    return this.sourcesNaming.get(entity.key) ?? 0;
  }

  /** The index in `documents` of the document with this display path, or -1. */
  /** What the statistics know of a partly indexed document's capitals (see CorpusStatistics.documentCapitals). */
  documentCapitals(path: string): ReadonlySet<string> | undefined {
    return this.statistics?.documentCapitals?.(path);
  }

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
    for (const term of distinct) for (const document of this.terms.documentsUsing(term)) counts[document]!++;
    return counts.map((count) => (count === distinct.size ? 1 : 0));
  }

  /** Whether a folded word appears in lower case in the sources (so it is an ordinary word). */
  isOrdinaryWord(folded: string): boolean {
    if (this.statistics) return this.statistics.isOrdinaryWord(folded);
    return this.lowercaseWords.has(folded);
  }

  /** Whether a folded word occurs anywhere in the sources. */
  knowsTerm(term: string): boolean {
    // A word only a title uses ("Statement from Governor …") is known too: the document is about it.
    return this.sentencesWith(term) > 0 || (!this.statistics && this.terms.has(term));
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

/** The terms of a sentence's tokens (repeats included: term statistics count each once). */
function termsOf(tokens: readonly WordToken[]): string[] {
  const terms: string[] = [];
  for (const token of tokens) if (token.term) terms.push(token.term);
  return terms;
}

/** What most sentences have of figures or names: one shared array, never modified, instead of one each. */
const NONE: never[] = Object.freeze([]) as unknown as never[];

function nonEmptyOr<T>(items: T[]): T[] {
  return items.length > 0 ? items : NONE;
}

/** The names written with a title (what sentences keep once the registry has every mention). */
function titledOnly(names: NameMention[]): NameMention[] {
  return nonEmptyOr(names.filter((name) => name.title !== undefined));
}

/** The items of a paragraph inside a sentence's span, with offsets into the sentence. */
function itemsWithin<T extends { start: number; end: number }>(items: readonly T[], span: SentenceSpan, strings: OwnStrings): T[] {
  let inside: T[] | undefined;
  for (const item of items) if (item.start >= span.start && item.end <= span.end) (inside ??= []).push(strings.ownFields({ ...item, start: item.start - span.start, end: item.end - span.start }));
  // Copied to its length: a list grown by push keeps room for more, and the index keeps it for good.
  return inside ? inside.slice() : NONE;
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
