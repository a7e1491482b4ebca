// Reading one source document: its paragraphs, their sentence spans, figures and names. Pure, and
// the slow part of indexing (the figure and name grammars), so it runs in worker threads
// (parallelRead.ts); what a worker hands back is packed so the main thread unpacks it cheaply.
import type { Figure, NameMention, SourceDocument } from "../types.js";
import { extractFigures } from "../extract/figures.js";
import { extractNames } from "../extract/names.js";
import { splitSentences, type SentenceSpan } from "./sentences.js";
import { paragraphsOf, type Paragraph } from "./paragraphs.js";

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
export function readParagraphs(document: Pick<SourceDocument, "lines" | "hardWrapped">, extract: LineExtractor = extractLine): ParagraphReading[] {
  return paragraphsOf(document.lines, document.hardWrapped).map((paragraph) => {
    const { figures, names } = extract(paragraph.text);
    return { paragraph, spans: splitSentences(paragraph.text), figures: figures.map(tidyText), names: names.map(tidyText) };
  });
}


/**
 * A document's readings as a worker sends them. Paragraph texts are not sent (they are the
 * document's lines joined again); lines and spans are numbers; figures and names one JSON string,
 * which the main thread parses several times faster than a structured clone of the same objects.
 */
export interface PackedReading {
  /** Per paragraph: first line, last line, number of spans, then each span's start and end. */
  layout: Int32Array;
  /** JSON of [figures, names] per paragraph. */
  extractions: string;
}

export function packReadings(readings: readonly ParagraphReading[]): PackedReading {
  const layout: number[] = [];
  for (const { paragraph, spans } of readings) {
    layout.push(paragraph.firstLine, paragraph.lastLine, spans.length);
    for (const span of spans) layout.push(span.start, span.end);
  }
  return { layout: Int32Array.from(layout), extractions: JSON.stringify(readings.map((r) => [r.figures, r.names])) };
}

export function unpackReadings(lines: readonly string[], packed: PackedReading): ParagraphReading[] {
  const extractions = JSON.parse(packed.extractions) as Array<[Figure[], NameMention[]]>;
  const { layout } = packed;
  const readings: ParagraphReading[] = [];
  for (let at = 0, k = 0; at < layout.length; k++) {
    const firstLine = layout[at++]!;
    const lastLine = layout[at++]!;
    const spanCount = layout[at++]!;
    const spans: SentenceSpan[] = [];
    for (let s = 0; s < spanCount; s++, at += 2) spans.push({ start: layout[at]!, end: layout[at + 1]! });
    const [figures, names] = extractions[k]!;
    readings.push({ paragraph: { firstLine, lastLine, text: lines.slice(firstLine, lastLine + 1).join(" ") }, spans, figures, names });
  }
  return readings;
}
