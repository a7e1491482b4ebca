// A built CorpusIndex as bytes and back, for the persisted index (indexCache.ts).
//
// Most of an index is a few hundred thousand small plain objects (sentences, figures, names,
// figure contexts, name mentions). node:v8's deserialize rebuilds those at about 1 µs each, JSON.parse
// about five times faster, so they travel as JSON, and without what can be rebuilt cheaply: a
// sentence's text and path come back from its document's line, a mention's sentence is that
// sentence's string (shared, not copied). Typed arrays, Maps and Sets (the search index, the figure
// postings, term statistics) travel through node:v8, which is fast for them.
import { deserialize, serialize } from "node:v8";
import { CorpusIndex, type SourceFigure } from "./corpusIndex.js";
import { StoredFigure, type ContextColumns, type ContextStore } from "./contextColumns.js";
import type { NameEntity } from "./names.js";
import type { Figure, NameMention, SourceDocument, SourceSentence } from "./types.js";

/** Own fields of an object as plain data; fields holding class instances are captured the same way. */
interface Captured {
  fields: Record<string, unknown>;
  nested: Record<string, Captured>;
}

/** A sentence: document index, line, start, end, figures, names. */
type SentenceRecord = [number, number, number, number, Figure[], NameMention[]];
/** A source figure: sentence id, figure index in the sentence (its context is in the ContextColumns). */
type FigureRecord = [number, number];
/** An entity's mention: sentence id, document index, line, text. */
type MentionRecord = [number, number, number, string];

interface Heavy {
  sentences: SentenceRecord[];
  figures: FigureRecord[];
  mentions: Record<string, MentionRecord[]>;
}

/**
 * JSON as ASCII bytes, anything else written as \u escapes: decoding UTF-8 into a JS string is slow
 * (hundreds of ms for 100 MB), reading ASCII is a copy, and JSON.parse reads the escapes back.
 */
function asciiJson(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`), "latin1");
}

function parseAsciiJson(bytes: Uint8Array): unknown {
  return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1"));
}

/** CorpusIndex fields written as JSON, or rebuilt on demand (the rest is captured generically). */
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

/** Serialises a built index (its documents, sentences, figures with contexts, names and search index). */
export function snapshotIndex(index: CorpusIndex): Buffer {
  const documentIndex = new Map(index.documents.map((d, i) => [d.path, i]));
  const sentenceByText = new Map<string, number>();
  const sentences = index.sentences.map((s): SentenceRecord => {
    if (!sentenceByText.has(s.text)) sentenceByText.set(s.text, s.id);
    return [documentIndex.get(s.path)!, s.line, s.start, s.end, s.figures, s.names];
  });
  const figures = index.sourceFigures.map((source): FigureRecord => [source.sentence.id, source.sentence.figures.indexOf(source.figure)]);
  const mentions: Heavy["mentions"] = {};
  const entities = index.names.all();
  for (const entity of entities) {
    mentions[entity.key] = entity.mentions.map((m) => [sentenceByText.get(m.sentence) ?? -1, documentIndex.get(m.path) ?? -1, m.line, m.text]);
  }
  const captured = capture(index, HEAVY_FIELDS);
  // Entities travel without their mentions (in the JSON part).
  const names = captured.nested["names"]!;
  names.fields["entities"] = new Map(entities.map((e) => [e.key, { ...e, mentions: [] }]));
  const heavy: Heavy = { sentences, figures, mentions };
  // JSON as bytes: a JS string with one non-Latin-1 letter would travel at two bytes a character.
  return serialize({ captured, contexts: contextStoreOf(index).all, documents: asciiJson(index.documents), heavy: asciiJson(heavy) });
}

/** Restores an index serialised by snapshotIndex with the same engine. */
export function restoreIndex(bytes: Buffer): CorpusIndex {
  const stored = deserialize(bytes) as { captured: Captured; contexts: ContextColumns; documents: Uint8Array; heavy: Uint8Array };
  const documents = parseAsciiJson(stored.documents) as SourceDocument[];
  const heavy = parseAsciiJson(stored.heavy) as Heavy;

  const sentences = heavy.sentences.map(([document, line, start, end, figures, names], id): SourceSentence => {
    const source = documents[document]!;
    return { id, path: source.path, line, start, end, text: source.lines[line]!.slice(start, end), figures, names };
  });
  // A fresh (empty) index supplies the class instances and the functions (tokenizers).
  const index = CorpusIndex.build([], []);
  apply(index, stored.captured);
  const contexts = contextStoreOf(index);
  contexts.load(stored.contexts);
  const sourceFigures = heavy.figures.map(([sentenceId, figure], position): SourceFigure => {
    const sentence = sentences[sentenceId]!;
    return new StoredFigure(sentence.figures[figure]!, sentence, contexts, position);
  });
  const record = index as unknown as Record<string, unknown>;
  record["documents"] = documents;
  record["sentences"] = sentences;
  record["sourceFigures"] = sourceFigures;
  for (const entity of index.names.all() as NameEntity[]) {
    // Mentions are many small objects; an entity's are made when first read (a hover, the sources view).
    const records = heavy.mentions[entity.key] ?? [];
    let mentions: NameEntity["mentions"] | undefined;
    Object.defineProperty(entity, "mentions", {
      enumerable: true,
      configurable: true,
      get: () =>
        (mentions ??= records.map(([sentence, document, line, text]) => ({
          path: documents[document]?.path ?? "",
          line,
          sentence: sentences[sentence]?.text ?? "",
          text,
        }))),
      set: (value: NameEntity["mentions"]) => (mentions = value),
    });
  }
  return index;
}
