// The index over source sentences: every sentence with its figures and names,
// a full-text index of the sentences, and per-figure contexts for the checker.
import { searchTerms, SentenceSearch } from "./sentenceSearch.js";
import type { Evidence, Figure, FigureKind, NameMention, SkippedFile, SourceDocument, SourceSentence } from "../types.js";
import { extractNames, NameRegistry, SPEAKER_KEY, type NameEntity } from "../extract/names.js";
import type { SentenceSpan } from "../sources/sentences.js";
import { placeInParagraph, placeInSource, sourceSpan, type Paragraph } from "../sources/paragraphs.js";
import { extractLine, readParagraphs, type LineExtractor, type ParagraphReading } from "../sources/documentReading.js";
import { ParallelReader, readWorkerFile, type ParallelReading } from "../sources/parallelRead.js";

export { placeInSource, sourceSpan, extractLine, readParagraphs, type LineExtractor, type ParagraphReading };
import { foldPreservingOffsets } from "../extract/normalize.js";
import { wordTokens } from "../extract/terms.js";
import { TermStatistics } from "./termStatistics.js";
import { BuildNumbering, packDocumentWords, PackedWordsReader, ReaderNumbers, WordNumberer, type PackedWords } from "./sentenceWords.js";
import { entityTerms, itemsWithin, nonEmptyOr } from "./sentenceParts.js";
import { contextOf, type FigureContext } from "../extract/figureContext.js";
import { ContextColumnsBuilder, ContextStore, noContexts, StoredFigure } from "./contextColumns.js";
import { bestFirst, FigureRetrieval, type RetrievalQuery, type Scored } from "./figureRetrieval.js";
import { throwIfCancelled, type CancellationToken } from "../../util/cancellation.js";
import { citedPlace, placeInDocument } from "../sources/citation.js";
import { OwnStrings } from "./ownStrings.js";
import { linesOf, StoredSentence, type SentenceSource } from "./storedSentence.js";

/** A document as read: its paragraphs, and its sentences' words with its reader's numbers when a reader thread worked them out. */
interface DocumentReading {
  readings: ParagraphReading[];
  words?: { packed: PackedWords; numbers: ReaderNumbers };
}

/** A build's numbers for the strings of documents' words (see BuildNumbering): each part of the index's own number of one. */
interface WordNumbers {
  /** Words worked out on this thread (documents read here), numbered as a reader thread numbers its own. */
  here: { numberer: WordNumberer; numbers: ReaderNumbers };
  words: readonly string[];
  term(n: number): number;
  contextTerm(n: number): number;
  searchTerm(n: number): number;
  /** Adds the word to the lower-case words the first time it is asked. */
  lowercase(n: number): number;
}

export interface SearchHit {
  sentence: SourceSentence;
  score: number;
  /** Offsets in sentence.text of the words that matched. */
  highlights: Array<{ start: number; end: number }>;
}

import type { SourceFigure } from "./sourceFigure.js";
export type { SourceFigure };
export { entityTerms };

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
      for (const name of names) if (name.start >= span.start && name.end <= span.end && name.key !== SPEAKER_KEY) found.push({ name, line: placeInParagraph(document.lines, paragraph, name.start).line });
    }
  }
  return found;
}

/**
 * A title the text gives "I" ("As Attorney General, I won …") is its speaker's: the person the
 * document's title names ("Statement from Vice President Ada Moss on …"); with no one named there, no one's.
 */
function spokenBy(names: NameMention[], document: Pick<SourceDocument, "title">): NameMention[] {
  if (!names.some((name) => name.key === SPEAKER_KEY)) return names;
  const speaker = extractNames(document.title).find((name) => name.kind === "person");
  return names.flatMap((name) => (name.key !== SPEAKER_KEY ? [name] : speaker ? [{ ...name, key: speaker.key }] : []));
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
    const numbering = new BuildNumbering();
    const reader = index.parallelReader(options, numbering);
    const read = (document: SourceDocument, i: number): DocumentReading | undefined | Promise<DocumentReading | undefined> => {
      const here = () => index.readDocument(document, extract);
      if (!reader || options.readHere?.(document)) return here();
      return reader.read(i).then((reading) => index.received(document, reading) ?? here());
    };
    let sliceStart = performance.now();
    try {
      // Steps are generated as the build goes: later ones depend on what earlier ones added.
      for (const step of index.steps(read, options.onRead, numbering)) {
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

  private parallelReader(options: ReadingOptions, numbering: BuildNumbering): ParallelReader | undefined {
    const threads = options.threads ?? 0;
    if (threads < 1) return undefined;
    let chars = 0;
    for (const document of this.documents) for (const line of document.lines) chars += line.length + 1;
    const file = readWorkerFile();
    if (!file || chars < (options.parallelMinChars ?? PARALLEL_MIN_CHARS)) return undefined;
    return new ParallelReader(this.documents, threads, file, numbering, !this.statistics);
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

  /**
   * The build as small steps: reading and adding each document in order (a reading may be a promise
   * from a worker, yielded to be awaited), then the finishing passes in chunks.
   */
  private *steps(
    read: (document: SourceDocument, i: number) => DocumentReading | undefined | Promise<DocumentReading | undefined>,
    onRead?: ReadingOptions["onRead"],
    numbering = new BuildNumbering(),
  ): Generator<(() => void) | Promise<unknown>> {
    // A document that fails to read is skipped with its reason, and the others go on.
    const kept: SourceDocument[] = [];
    const numbers: WordNumbers = {
      here: { numberer: new WordNumberer(), numbers: new ReaderNumbers(numbering) },
      words: numbering.words,
      term: numbering.table((word) => this.terms.idFor(word)),
      contextTerm: numbering.table((word) => this.contextBuilder!.idOf(word)),
      searchTerm: numbering.table((word) => this.search_.termNumber(word)),
      lowercase: numbering.table((word) => (this.lowercaseWords.add(word), 1)),
    };
    for (const [i, document] of this.documents.entries()) {
      let reading = read(document, i);
      if (reading instanceof Promise) yield reading.then((r) => (reading = r));
      yield () => {
        const read = reading as DocumentReading | undefined;
        if (read === undefined) return;
        onRead?.(document, read.readings);
        this.addDocument(document, kept.length, read, numbers);
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

  private addDocument(document: SourceDocument, documentIndex: number, { readings, words }: DocumentReading, numbers: WordNumbers): void {
    // An archive's statistics may know the terms of the whole document (only some of its lines are indexed).
    const wholeDocumentTerms = this.statistics?.documentTerms?.(document.path);
    const sentenceOnly = wholeDocumentTerms !== undefined;
    // An index over part of an archive is only checked against: the archive itself answers searches.
    const withSearch = !this.statistics;
    // A reader thread worked out the sentences' words; read here, they are worked out the same way.
    let worked = words;
    if (!worked) {
      const packed = packDocumentWords(readings, withSearch, numbers.here.numberer);
      numbers.here.numbers.receive(packed);
      worked = { packed, numbers: numbers.here.numbers };
    }
    const packed = new PackedWordsReader(worked.packed);
    // The reader's numbers as the build's; the parts of the index find theirs by the build's number.
    const reader = worked.numbers;
    const source = linesOf(document);
    for (const { paragraph, spans, figures: paragraphFigures, names: paragraphNames } of readings) {
      for (const span of spans) {
        const sentence = storedSentence(this.sentences.length, source, document.lines, paragraph, span, itemsWithin(paragraphFigures, span, this.strings!), spokenBy(itemsWithin(paragraphNames, span, this.strings!), document));
        if (document.format) Object.assign(sentence, placeInDocument(document, sentence.line, sentence.endLine));
        this.sentences.push(sentence);
        // The registry's mentions share the sentence's text as cut from the document's lines, not the paragraph's (see OwnStrings).
        if (!this.statistics) for (const name of sentence.names) this.names.add(name, { path: document.path, line: placeInSource(sentence, name.start).line, sentence: sentence.text });
        for (let i = packed.next(); i > 0; i--) this.terms.addId(numbers.term(reader.of(packed.next())), sentence.id, documentIndex, sentenceOnly);
        for (let i = packed.next(); i > 0; i--) numbers.lowercase(reader.of(packed.next()));
        if (withSearch) {
          const length = packed.next();
          const termIds = new Array<number>(packed.next());
          const counts = new Array<number>(termIds.length);
          for (let i = 0; i < termIds.length; i++) (termIds[i] = numbers.searchTerm(reader.of(packed.next()))), (counts[i] = packed.next());
          this.search_.addNumbered(sentence.id, termIds, counts, length);
        }
        if (sentence.names.length > 0) this.terms.add(sentence.id, documentIndex, sentence.names.map((name) => `@${name.key}`), true);
        // Untitled names of a sentence without figures are read no more (the registry has them): dropped now, not at the end of the build.
        if (sentence.figures.length === 0 && sentence.names.length > 0) sentence.names = titledOnly(sentence.names);
        const figureCount = packed.next();
        if (figureCount !== sentence.figures.length) throw new Error(`words worked out for ${figureCount} figures of a sentence with ${sentence.figures.length}`);
        for (let f = 0; f < figureCount; f++) {
          const termIds = new Array<number>(packed.next());
          const weights = new Array<number>(termIds.length);
          for (let i = 0; i < termIds.length; i++) (termIds[i] = numbers.contextTerm(reader.of(packed.next()))), (weights[i] = packed.nextWeight());
          let sentenceTermIds: number[] | undefined;
          if (f === 0) {
            sentenceTermIds = new Array<number>(packed.next());
            for (let i = 0; i < sentenceTermIds.length; i++) sentenceTermIds[i] = numbers.contextTerm(reader.of(packed.next()));
          }
          const isTarget = packed.next() === 1;
          const measures = new Array<string>(packed.next());
          for (let i = 0; i < measures.length; i++) measures[i] = numbers.words[reader.of(packed.next())]!;
          const timeFigure = packed.next();
          const timeFrom = packed.next();
          const timeTo = packed.next();
          const preposition = packed.next();
          const position = this.contextBuilder!.addNumbered(
            { termIds, weights, ...(sentenceTermIds ? { sentenceTermIds } : {}), isTarget, measures, timeFigure, timeFrom, timeTo, preposition: preposition < 0 ? undefined : numbers.words[reader.of(preposition)] },
            sentence.id,
          );
          this.sourceFigures.push(new StoredFigure(sentence.figures[f]!, sentence, this.contexts, position));
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

  /** Where each document's sentences start (the index keeps a document's sentences together, in document order); made on first use. */
  private sentenceStarts: Int32Array | undefined;

  /** The ids of the sentences of the document at `path`: [from, to), empty for a path not indexed. */
  documentSentences(path: string): { from: number; to: number } {
    const number = this.documentNumber(path);
    if (number < 0) return { from: 0, to: 0 };
    if (!this.sentenceStarts) {
      const starts = new Int32Array(this.documents.length + 1).fill(this.sentences.length);
      let path: string | undefined;
      for (const [id, sentence] of this.sentences.entries()) {
        if (sentence.path === path) continue;
        path = sentence.path;
        starts[this.documentNumber(path)] = id;
      }
      // A document without sentences starts where the next one does.
      for (let i = this.documents.length - 1; i >= 0; i--) starts[i] = Math.min(starts[i]!, starts[i + 1]!);
      this.sentenceStarts = starts;
    }
    return { from: this.sentenceStarts[number]!, to: this.sentenceStarts[number + 1]! };
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

/** The names written with a title (what sentences keep once the registry has every mention). */
function titledOnly(names: NameMention[]): NameMention[] {
  return nonEmptyOr(names.filter((name) => name.title !== undefined));
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
