// What the archive stores of one source document: its sentences, its figures with their contexts,
// its name mentions and what it adds to the corpus statistics. Extracted by the index's own build
// (over this one document), so the archive sees exactly what a local index would.
import { CorpusIndex, extractLine, namesOfDocument, placeInSource, type CorpusStatistics, type LineExtractor } from "../../index/corpusIndex.js";
import { isHardWrapped, paragraphsOf } from "../../sources/paragraphs.js";
import { factsOf } from "../../check/facts.js";
import { NameRegistry } from "../../extract/names.js";
import { REBUTTAL_REACH, attributed } from "../../extract/claimRoles.js";
import { CARRY_OVER, capitalizedAfterFirst, properTerms } from "../../check/subjects.js";
import type { NameKind, SourceDocument } from "../../types.js";

/** A name mention as stored, in the order the registry must see them: key, kind, as written, title, line. */
export type StoredMention = [key: string, kind: NameKind, text: string, title: string | null, line: number];

export interface ExtractedFigure {
  kind: string;
  text: string;
  /** As `grounded facts` shows it, with its hedge ("nearly $80 billion"). */
  shown: string;
  value: number;
  upper: number | null;
  unit: string;
  qualifier: string;
  timeFrom: number;
  timeTo: number;
  timeText: string | null;
  target: boolean;
  terms: string[];
  weights: number[];
  /** The line stating the figure. */
  line: number;
  /** The first line of the paragraph holding it (what a check reads back, see ExtractedDocument.paragraphs). */
  blockLine: number;
  sentence: string;
  about: string;
}

export interface ExtractedDocument {
  document: SourceDocument;
  sentences: Array<{ line: number; start: number; end: number; text: string }>;
  figures: ExtractedFigure[];
  terms: string[];
  termSentences: number[];
  lowercaseWords: string[];
  /** Folded words written with a capital after the first word of a sentence (whether a first word names someone). */
  capitals: string[];
  mentions: StoredMention[];
  /** The people named with a title, and on which line (where title checks look). */
  titled: Array<{ key: string; line: number; blockLine: number }>;
  /**
   * The paragraphs holding a figure or a titled name, whole (their lines joined by newlines), with
   * the engine's extraction of them (JSON of the figures and names extractLine gives): a check reads
   * these back and replays the extraction instead of extracting again. With each, the first lines of
   * the paragraphs (stored too) holding the sentences the checker reads around its own: a check reads
   * those back with it, so subjects carried over and refutations that follow read as in the whole document.
   */
  paragraphs: Array<{ firstLine: number; text: string; extraction: string; reachFrom: number; reachTo: number }>;
  /** Whether the whole document is hard-wrapped (a partial document cannot tell). */
  hardWrapped: boolean;
}

/**
 * Statistics that leave every mention keyed as extracted: the archive settles aliases over the
 * whole archive once loading is done, as a local index does over its whole corpus.
 */
const AS_EXTRACTED: CorpusStatistics = {
  sentenceCount: 0,
  sentencesWith: () => 0,
  isOrdinaryWord: () => false,
  names: NameRegistry.restore([], []),
  sourceCount: () => 0,
};

export function extractDocument(document: SourceDocument): ExtractedDocument {
  // Each paragraph is read once: the build and the list of mentions share the extraction.
  const extracted = new Map<string, ReturnType<LineExtractor>>();
  const once: LineExtractor = (paragraph) => {
    let found = extracted.get(paragraph);
    if (!found) extracted.set(paragraph, (found = extractLine(paragraph)));
    return found;
  };
  const index = CorpusIndex.build([document], [], undefined, once, AS_EXTRACTED);
  const capitals = new Set<string>();
  for (const sentence of index.sentences) capitalizedAfterFirst(sentence.text, capitals);
  // A check reads back only the paragraphs it needs, whole, so their sentences read as in the whole document.
  const hardWrapped = isHardWrapped(document.lines);
  const paragraphs = paragraphsOf(document.lines, hardWrapped);
  const paragraphAt = new Map<number, (typeof paragraphs)[number]>();
  for (const paragraph of paragraphs) for (let line = paragraph.firstLine; line <= paragraph.lastLine; line++) paragraphAt.set(line, paragraph);
  const kept = new Map<number, ExtractedDocument["paragraphs"][number] & { reached: boolean }>();
  /** Keeps the paragraph holding `line` (its first line returned); with `reaching`, its neighbours within reach too. */
  const keep = (line: number, reaching: boolean): number => {
    const paragraph = paragraphAt.get(line);
    const firstLine = paragraph?.firstLine ?? line;
    let stored = kept.get(firstLine);
    if (!stored) {
      const lines = paragraph ? document.lines.slice(paragraph.firstLine, paragraph.lastLine + 1) : [document.lines[line] ?? ""];
      kept.set(firstLine, (stored = { firstLine, text: lines.join("\n"), extraction: JSON.stringify(once(lines.join(" "))), reachFrom: firstLine, reachTo: firstLine, reached: false }));
    }
    if (reaching && !stored.reached) {
      stored.reached = true;
      Object.assign(stored, reachOf(firstLine, paragraph?.lastLine ?? line));
    }
    return firstLine;
  };
  // The sentences the checker reads around one of a paragraph: CARRY_OVER back for its subject, only
  // while its first sentences name none; REBUTTAL_REACH on for a correction, only after a claim
  // attributed to someone. Their paragraphs are kept too; the reach is their span.
  const reachOf = (first: number, last: number): { reachFrom: number; reachTo: number } => {
    const inside = index.sentences.filter((s) => s.line <= last && (s.endLine ?? s.line) >= first);
    if (inside.length === 0) return { reachFrom: first, reachTo: first };
    const firstId = inside[0]!.id;
    const lastId = inside[inside.length - 1]!.id;
    // The paragraph's first sentence reads furthest back: CARRY_OVER sentences, when it names no one.
    const named = properTerms(inside[0]!.text, (word) => capitals.has(word), false).size > 0;
    const from = Math.max(0, named ? firstId : firstId - CARRY_OVER);
    const claims = inside.some((s) => s.id + REBUTTAL_REACH > lastId && s.figures.some((f) => attributed(f, s, index.sentences)));
    const to = Math.min(index.sentences.length - 1, claims ? lastId + REBUTTAL_REACH : lastId);
    let reachFrom = first;
    let reachTo = first;
    for (let id = from; id <= to; id++) {
      const sentence = index.sentences[id]!;
      if (sentence.line >= first && sentence.line <= last) continue;
      const at = keep(sentence.line, false);
      reachFrom = Math.min(reachFrom, at);
      reachTo = Math.max(reachTo, at);
    }
    return { reachFrom, reachTo };
  };
  const paragraphOf = (line: number): { blockLine: number } => ({ blockLine: keep(line, true) });
  const mentions: StoredMention[] = [];
  const titled = new Map<string, ExtractedDocument["titled"][number]>();
  // Names as extracted (the built index keeps only the titled ones on its sentences), in the order the registry sees them.
  for (const { name, line } of namesOfDocument(document, once)) {
    mentions.push([name.key, name.kind, name.text, name.title ?? null, line]);
    if (name.title) titled.set(`${name.key}\n${line}`, { key: name.key, line, ...paragraphOf(line) });
  }
  // The fact rows come in figure order: what a figure is about and when, as `grounded facts` shows them.
  const facts = factsOf(index).filter((fact) => fact.kind !== "name");
  const figures = index.sourceFigures.map(({ figure, sentence, context }, i): ExtractedFigure => ({
    kind: figure.kind,
    text: figure.text,
    shown: facts[i]?.value ?? figure.text,
    value: figure.value,
    upper: figure.upper ?? null,
    unit: figure.unit,
    qualifier: figure.qualifier,
    timeFrom: context.time?.from ?? 0,
    timeTo: context.time?.to ?? 0,
    timeText: facts[i]?.time ?? null,
    target: context.isTarget,
    terms: [...context.terms.keys()],
    weights: [...context.terms.values()],
    line: placeInSource(sentence, figure.start).line,
    ...paragraphOf(sentence.line),
    sentence: sentence.text,
    about: facts[i]?.about ?? "",
  }));
  const own = index.ownStatistics();
  return {
    document,
    hardWrapped,
    sentences: index.sentences.map(({ line, start, end, text }) => ({ line, start, end, text })),
    figures,
    terms: [...own.sentencesWith.keys()],
    termSentences: [...own.sentencesWith.values()],
    lowercaseWords: [...own.lowercaseWords],
    capitals: [...capitals],
    mentions,
    titled: [...titled.values()],
    paragraphs: [...kept.values()].map(({ reached: _, ...paragraph }) => paragraph),
  };
}
