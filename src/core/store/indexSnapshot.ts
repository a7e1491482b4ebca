// A built CorpusIndex as the frames of a file (frames.ts) and back, for the persisted index (indexCache.ts).
//
// Most of an index is a few hundred thousand small plain objects (sentences, figures, names, name
// mentions). node:v8's deserialize rebuilds those at about 1 µs each, JSON.parse about five times
// faster, so they travel as JSON in chunks, and without what can be rebuilt cheaply: a sentence's
// text and path come back from its document's line, a mention's sentence is that sentence's string
// (shared, not copied). Typed arrays, Maps and Sets (the search index, the figure postings and
// contexts, term statistics) travel through node:v8, which is fast for them.
import { deserialize, serialize } from "node:v8";
import { asciiJson, END, frame, type EncodedText, parseAsciiJson, readEncodedTexts, readFrames, textsFrame } from "./frames.js";
import { CorpusIndex, type SourceFigure } from "../index/corpusIndex.js";
import { StoredFigure, type ContextColumns, type ContextStore } from "../index/contextColumns.js";
import type { NameEntity } from "../extract/names.js";
import type { Figure, NameMention, SourceDocument, SourceSentence } from "../types.js";
import { placeInDocument } from "../sources/citation.js";
import { EncodedLines, passingText, StoredSentence } from "../index/storedSentence.js";

/** Own fields of an object as plain data; fields holding class instances are captured the same way. */
interface Captured {
  fields: Record<string, unknown>;
  nested: Record<string, Captured>;
}

/** A sentence with figures or titled names: its id, figures and names (where it stands is in SentencePlaces). */
type SentenceRecord = [number, Figure[], NameMention[]];

/** What most sentences have of figures and titled names; shared by them on restore, never modified. */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/** Where each sentence stands: columns, so restoring makes no object per sentence for them. */
interface SentencePlaces {
  document: Int32Array;
  line: Int32Array;
  start: Int32Array;
  /** The line a sentence ends on (hard-wrapped sources), and the column of its end there. */
  endLine: Int32Array;
  end: Int32Array;
}
/**
 * An entity's mentions as columns: entity key, then per mention a sentence id (of a sentence with
 * the same text), document index, line and the index of its text among the entity's few spellings.
 */
type MentionColumns = [string, number[], number[], number[], string[], number[]];

/** CorpusIndex fields written in frames of their own, or rebuilt on demand (the rest is captured generically). */
const HEAVY_FIELDS = new Set(["sentences", "sourceFigures", "documents", "figuresByKind", "contexts", "contextBuilder"]);

/** The index's figure contexts (a private field: the snapshot writes them as their own columns). */
function contextStoreOf(index: CorpusIndex): ContextStore {
  return (index as unknown as { contexts: ContextStore }).contexts;
}

function isPlainData(value: unknown): boolean {
  if (value === null || typeof value !== "object") return typeof value !== "function";
  if (Array.isArray(value) || value instanceof Map || value instanceof Set || ArrayBuffer.isView(value)) return true;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function holdsFunction(value: unknown, depth = 3): boolean {
  if (typeof value === "function") return true;
  if (depth === 0 || value === null || typeof value !== "object" || Array.isArray(value) || value instanceof Map || value instanceof Set || ArrayBuffer.isView(value)) return false;
  return Object.values(value as Record<string, unknown>).some((v) => holdsFunction(v, depth - 1));
}

function capture(object: object, skip: ReadonlySet<string> = new Set()): Captured {
  const captured: Captured = { fields: {}, nested: {} };
  for (const [key, value] of Object.entries(object)) {
    if (skip.has(key)) continue;
    if (isPlainData(value)) {
      // Options with functions (a tokenizer) come from the fresh instance instead.
      if (!holdsFunction(value)) captured.fields[key] = value;
    } else if (typeof value === "object" && value !== null) captured.nested[key] = capture(value);
  }
  return captured;
}

function apply(target: object, captured: Captured): void {
  const record = target as Record<string, unknown>;
  for (const [key, value] of Object.entries(captured.fields)) record[key] = value;
  for (const [key, nested] of Object.entries(captured.nested)) {
    const inner = record[key];
    if (inner === null || typeof inner !== "object") throw new Error(`snapshot field ${key} has no counterpart`);
    apply(inner, nested);
  }
}

/** What a frame of the snapshot file holds. */
const enum Frame {
  /** The index's own fields; its nested objects (search index, retrieval, names) have a frame each. */
  Header = 0,
  Nested = 6,
  Contexts = 7,
  Documents = 1,
  Sentences = 2,
  Figures = 3,
  Mentions = 4,
  /** The sentence search: restored on the first search (checking a draft never searches). */
  Search = 8,
  /** Documents' texts, binary (see textsFrame); Documents holds the rest of each document. */
  Texts = 9,
  /** The name registry's entities (without mentions) and aliases, as JSON (see NameTables). */
  NameTables = 10,
}

/** The CorpusIndex field holding the name registry. */
const NAMES_FIELD = "names";

/** Entities as [key, canonical, kind, titles, aliases], and aliases as two columns. */
interface NameTables {
  entities: Array<[string, string, NameEntity["kind"], NameEntity["titles"], string[]]>;
  aliases: [string[], string[]];
}

function nameTables(entities: readonly NameEntity[], aliasToKey: ReadonlyMap<string, string>): NameTables {
  return { entities: entities.map((e) => [e.key, e.canonical, e.kind, e.titles, e.aliases]), aliases: [[...aliasToKey.keys()], [...aliasToKey.values()]] };
}

/** The registry fields NameTables hold, as the registry has them, each entity's mentions read from `mentions` when first asked for. */
function registryFields(tables: NameTables, mentions: MentionStore): Record<string, unknown> {
  const entities = new Map<string, NameEntity>();
  tables.entities.forEach(([key, canonical, kind, titles, aliases], position) => entities.set(key, new RestoredEntity(key, canonical, kind, titles, aliases, mentions, position)));
  const [aliasKeys, aliasValues] = tables.aliases;
  const aliasToKey = new Map<string, string>();
  aliasKeys.forEach((alias, i) => aliasToKey.set(alias, aliasValues[i]!));
  return { entities, aliasToKey };
}

/**
 * The mentions of a restored registry: frames of MENTION_CHUNK entities each, a frame parsed when
 * one of its entities' mentions is first read (mentions are many small objects; a hover or the
 * sources view reads a few entities').
 */
class MentionStore {
  readonly frames: Buffer[] = [];
  private readonly parsed = new Map<number, MentionColumns[]>();
  documents: readonly SourceDocument[] = [];
  sentences: readonly SourceSentence[] = [];

  /** The mentions of the entity at `position` in the registry, whose key is `key`. */
  mentionsOf(position: number, key: string): NameEntity["mentions"] {
    const chunk = Math.floor(position / MENTION_CHUNK);
    let columns = this.parsed.get(chunk);
    if (!columns) this.parsed.set(chunk, (columns = this.frames[chunk] ? (parseAsciiJson(this.frames[chunk]) as MentionColumns[]) : []));
    const found = columns[position % MENTION_CHUNK];
    if (!found || found[0] !== key) return [];
    const [, sentenceIds, documentIds, lines, spellings, spellingOf] = found;
    return sentenceIds.map((sentence, i) => ({
      path: this.documents[documentIds[i]!]?.path ?? "",
      line: lines[i]!,
      sentence: this.sentences[sentence]?.text ?? "",
      text: spellings[spellingOf[i]!] ?? "",
    }));
  }
}

/** A restored entity: its mentions are made when first read (see MentionStore). */
class RestoredEntity implements NameEntity {
  #mentions: NameEntity["mentions"] | undefined = undefined;
  readonly #store: MentionStore;
  readonly #position: number;

  constructor(
    public key: string,
    public canonical: string,
    public kind: NameEntity["kind"],
    public titles: NameEntity["titles"],
    public aliases: string[],
    store: MentionStore,
    position: number,
  ) {
    this.#store = store;
    this.#position = position;
  }

  get mentions(): NameEntity["mentions"] {
    return (this.#mentions ??= this.#store.mentionsOf(this.#position, this.key));
  }

  set mentions(value: NameEntity["mentions"]) {
    this.#mentions = value;
  }

  toJSON(): NameEntity {
    return { key: this.key, canonical: this.canonical, kind: this.kind, titles: this.titles, aliases: this.aliases, mentions: this.mentions };
  }
}

/** Entities per frame of mentions: the frame of an entity is found from its place in the registry. */
const MENTION_CHUNK = 200;

/** Items per JSON frame: small enough that no string of the whole index is ever made. */
const CHUNK = 5000;

/**
 * A built index (documents, sentences, figures with their contexts, names, search index) as the
 * frames of the snapshot file, made one at a time as they are written: a length, a kind, a payload.
 */
export function* snapshotIndex(index: CorpusIndex): Generator<Buffer> {
  const sentenceByText = new Map<string, number>();
  for (const s of index.sentences) {
    const text = passingText(s);
    if (!sentenceByText.has(text)) sentenceByText.set(text, s.id);
  }
  const entities = index.names.all();
  const captured = capture(index, HEAVY_FIELDS);
  // Entities travel without their mentions (in frames of their own).
  captured.nested[NAMES_FIELD]!.fields["entities"] = undefined;
  const count = index.sentences.length;
  const places: SentencePlaces = { document: new Int32Array(count), line: new Int32Array(count), start: new Int32Array(count), endLine: new Int32Array(count), end: new Int32Array(count) };
  index.sentences.forEach((s, i) => {
    places.document[i] = index.documentNumber(s.path);
    places.line[i] = s.line;
    places.start[i] = s.start;
    places.endLine[i] = s.endLine ?? s.line;
    places.end[i] = s.end;
  });
  // Each large part in a frame of its own: serialising one is a pause a server's other work waits for.
  yield frame(Frame.Header, serialize({ captured: { fields: captured.fields, nested: {} }, places }));
  for (const [key, nested] of Object.entries(captured.nested)) {
    if (key === NAMES_FIELD) {
      // The registry's entities and aliases are many small plain objects: JSON restores them faster.
      const { entities: _entities, aliasToKey, ...rest } = nested.fields;
      yield frame(Frame.Nested, serialize([key, { fields: rest, nested: nested.nested }]));
      yield frame(Frame.NameTables, asciiJson(nameTables(entities, aliasToKey as Map<string, string>)));
    } else yield frame(key === SEARCH_FIELD ? Frame.Search : Frame.Nested, serialize([key, nested]));
  }
  yield frame(Frame.Contexts, serialize(contextStoreOf(index).all));
  for (let from = 0; from < index.documents.length; from += 100) {
    const documents = index.documents.slice(from, from + 100);
    yield frame(Frame.Documents, asciiJson(documents.map(({ lines: _lines, ...rest }) => rest)));
    yield frame(Frame.Texts, textsFrame(documents.map((d) => d.lines.join("\n"))));
  }
  for (let from = 0; from < index.sentences.length; from += CHUNK) {
    // Only the sentences that have any: most have neither figures nor titled names.
    const records = index.sentences.slice(from, from + CHUNK).filter((s) => s.figures.length + s.names.length > 0).map((s): SentenceRecord => [s.id, s.figures, s.names]);
    yield frame(Frame.Sentences, asciiJson(records));
  }
  const figureColumns = new Int32Array(2 * index.sourceFigures.length);
  index.sourceFigures.forEach((source, i) => {
    figureColumns[2 * i] = source.sentence.id;
    figureColumns[2 * i + 1] = source.sentence.figures.indexOf(source.figure);
  });
  yield frame(Frame.Figures, new Uint8Array(figureColumns.buffer));
  for (let from = 0; from < entities.length; from += MENTION_CHUNK) {
    const records = entities.slice(from, from + MENTION_CHUNK).map((entity): MentionColumns => {
      const spellings = new Map<string, number>();
      const columns: MentionColumns = [entity.key, [], [], [], [], []];
      for (const m of entity.mentions) {
        if (!spellings.has(m.text)) spellings.set(m.text, spellings.size);
        columns[1].push(sentenceByText.get(m.sentence) ?? -1);
        columns[2].push(index.documentNumber(m.path));
        columns[3].push(m.line);
        columns[5].push(spellings.get(m.text)!);
      }
      columns[4].push(...spellings.keys());
      return columns;
    });
    yield frame(Frame.Mentions, asciiJson(records));
  }
  yield frame(END, Buffer.alloc(0));
}

/**
 * A restored document whose lines are decoded from its text when first read (a check reads few
 * documents' lines: sentences' texts are cut from the text directly).
 */
function withLazyLines(document: Omit<SourceDocument, "lines">, text: EncodedLines): SourceDocument {
  let lines: string[] | undefined;
  Object.defineProperty(document, "lines", {
    enumerable: true,
    configurable: true,
    get: () => (lines ??= text.text().split("\n")),
    set: (value: string[]) => (lines = value),
  });
  return document as SourceDocument;
}

/** The CorpusIndex field holding the sentence search. */
const SEARCH_FIELD = "search_";

/**
 * Applies `load()` to `target` when one of `fields` is first read or written: a part of the index
 * a run may never use is restored only if it does.
 */
function applyWhenUsed(target: object, fields: readonly string[], load: () => Captured): void {
  const record = target as Record<string, unknown>;
  let loaded = false;
  const materialise = () => {
    if (loaded) return;
    loaded = true;
    for (const field of fields) delete record[field];
    apply(target, load());
  };
  for (const field of fields) {
    Object.defineProperty(target, field, {
      configurable: true,
      enumerable: true,
      get: () => {
        materialise();
        return record[field];
      },
      set: (value: unknown) => {
        materialise();
        record[field] = value;
      },
    });
  }
}

/** Restores an index written by snapshotIndex with the same engine. */
export function restoreIndex(bytes: Buffer): CorpusIndex {
  let header: { captured: Captured; places: SentencePlaces } | undefined;
  let contextColumns: ContextColumns | undefined;
  let searchBytes: Uint8Array | undefined;
  const nested: Record<string, Captured> = {};
  const documentFields: Array<Omit<SourceDocument, "lines">> = [];
  const texts: EncodedText[] = [];
  const contents = new Map<number, SentenceRecord>();
  let figureColumns = new Int32Array(0);
  const mentions = new MentionStore();
  let nameFields: Record<string, unknown> | undefined;
  for (const { kind, payload } of readFrames(bytes)) {
    // Copied first: typed arrays node:v8 restores are views into its input, which would keep the
    // whole file's bytes alive for as long as the index lives.
    if (kind === Frame.Header) header = deserialize(new Uint8Array(payload)) as typeof header;
    else if (kind === Frame.Nested) {
      const [key, value] = deserialize(new Uint8Array(payload)) as [string, Captured];
      nested[key] = value;
    } else if (kind === Frame.Search) searchBytes = new Uint8Array(payload);
    else if (kind === Frame.Contexts) contextColumns = deserialize(new Uint8Array(payload)) as ContextColumns;
    else if (kind === Frame.Documents) documentFields.push(...(parseAsciiJson(payload) as Array<Omit<SourceDocument, "lines">>));
    // Texts stay encoded (see EncodedLines), in a copy of their frame: not the whole file's bytes.
    else if (kind === Frame.Texts) texts.push(...readEncodedTexts(Buffer.from(payload)));
    else if (kind === Frame.Sentences) for (const record of parseAsciiJson(payload) as SentenceRecord[]) contents.set(record[0], record);
    else if (kind === Frame.Figures) figureColumns = new Int32Array(new Uint8Array(payload).buffer);
    else if (kind === Frame.Mentions) mentions.frames.push(Buffer.from(payload));
    else if (kind === Frame.NameTables) nameFields = registryFields(parseAsciiJson(payload) as NameTables, mentions);
    else throw new Error(`the snapshot has an unknown part ${String(kind)}`);
  }
  if (!header || !contextColumns || texts.length !== documentFields.length) throw new Error("the snapshot has no header");
  const sources = documentFields.map((fields, i) => new EncodedLines(fields.path, texts[i]!.bytes, texts[i]!.encoding));
  const documents = documentFields.map((fields, i) => withLazyLines(fields, sources[i]!));
  const { places } = header;
  // Sentences are cut from their documents' texts when first read (see StoredSentence).
  const sentences: SourceSentence[] = new Array<SourceSentence>(places.document.length);
  for (let id = 0; id < places.document.length; id++) {
    const number = places.document[id]!;
    const line = places.line[id]!;
    const endLine = places.endLine[id]!;
    const content = contents.get(id);
    const sentence = new StoredSentence(id, sources[number]!, line, places.start[id]!, endLine, places.end[id]!, content?.[1] ?? NONE, content?.[2] ?? NONE);
    const source = documents[number]!;
    if (source.pages || source.paragraphs) Object.assign(sentence, placeInDocument(source, line, endLine));
    sentences[id] = sentence;
  }
  // A fresh (empty) index supplies the class instances and the functions (tokenizers).
  const index = CorpusIndex.build([], []);
  if (nameFields && nested[NAMES_FIELD]) Object.assign(nested[NAMES_FIELD].fields, nameFields);
  apply(index, { fields: header.captured.fields, nested });
  const search = (index as unknown as Record<string, object>)[SEARCH_FIELD];
  if (searchBytes && search) {
    const bytes = searchBytes;
    applyWhenUsed(search, Object.keys(search), () => (deserialize(bytes) as [string, Captured])[1]);
  }
  const contexts = contextStoreOf(index);
  contexts.load(contextColumns);
  const sourceFigures: SourceFigure[] = new Array<SourceFigure>(figureColumns.length / 2);
  for (let position = 0; position < sourceFigures.length; position++) {
    const sentence = sentences[figureColumns[2 * position]!]!;
    sourceFigures[position] = new StoredFigure(sentence.figures[figureColumns[2 * position + 1]!]!, sentence, contexts, position);
  }
  const record = index as unknown as Record<string, unknown>;
  record["documents"] = documents;
  record["sentences"] = sentences;
  record["sourceFigures"] = sourceFigures;
  mentions.documents = documents;
  mentions.sentences = sentences;
  return index;
}
