// Reading one source document: its paragraphs, their sentence spans, figures and names. Pure, and
// the slow part of indexing (the figure and name grammars), so it runs in worker threads
// (parallelRead.ts); what a worker hands back is packed so the main thread unpacks it cheaply.
import type { Figure, NameMention } from "./types.js";
import { extractFigures } from "./figures.js";
import { extractNames } from "./names.js";
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

export function readParagraphs(lines: readonly string[], extract: LineExtractor): ParagraphReading[] {
  return paragraphsOf(lines).map((paragraph) => ({ paragraph, spans: splitSentences(paragraph.text), ...extract(paragraph.text) }));
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
