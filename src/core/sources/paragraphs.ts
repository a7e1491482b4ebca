// Paragraphs of a source: the unit sentences are cut from. Most Markdown and text sources are
// hard-wrapped ("$66⏎billion"), so a sentence runs across soft line breaks; a paragraph's text is
// its lines joined by one space, so an offset in it maps back to a line and character exactly.
import type { SourceSentence } from "../types.js";

export interface Paragraph {
  firstLine: number;
  lastLine: number;
  /** The lines joined with one space each (same length as the lines plus one per break). */
  text: string;
}

/** Ends of a sentence or clause: a line ending in one of these was not cut mid-sentence. */
const TERMINAL = /[.!?:;"”’)\]|]\s*$/;
/** Lines that start a block of their own in Markdown: headings, list items, quotes, tables, rules, fences. */
const BLOCK_START = /^\s{0,3}(#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|>|\||```|~~~|(?:[-*_]\s*){3,}$)/;
const HEADING = /^\s{0,3}#{1,6}\s/;
const LOWER_START = /^\s*[\p{Ll}]/u;
/**
 * A prose line cut right after a number ("The council has appointed 11"): what the number counts
 * is on the next line, whatever its case ("Chief Executive Officers"). Several words, the one before
 * the number in lower case: not a title or a table row ending in a year.
 */
const CUT_AFTER_NUMBER = /(?:\S+\s+){4}\p{Ll}[\p{L}'’-]*\s+[$€£]?\d[\d,.]*\s*$/u;
const ENDS_IN_DIGIT = /\d\s*$/;

/** CUT_AFTER_NUMBER on the line's end only: a long line is not scanned from every position. */
function cutAfterNumber(line: string): boolean {
  return ENDS_IN_DIGIT.test(line) && CUT_AFTER_NUMBER.test(line.slice(-160));
}

/**
 * Whether a document is hard-wrapped: many of its lines that run on into another line are cut
 * mid-sentence, the next going on in lower case. A document with one paragraph or headline per
 * line (and no blank lines between) is not, and its lines stay apart.
 */
export function isHardWrapped(lines: readonly string[]): boolean {
  let runOn = 0;
  let cut = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i]!.trim().length === 0 || lines[i + 1]!.trim().length === 0) continue;
    runOn++;
    if (!TERMINAL.test(lines[i]!) && LOWER_START.test(lines[i + 1]!)) cut++;
  }
  return runOn >= 3 && cut * 3 >= runOn;
}

/**
 * Paragraphs of non-blank lines (`wrapped`: decided over the whole document when only part of it is
 * given). Lines join when the document is hard-wrapped, or when a line
 * stops mid-sentence and the next goes on in lower case or counts what the line ends with; a heading
 * or block start never joins.
 */
export function paragraphsOf(lines: readonly string[], wrapped = isHardWrapped(lines)): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let first = -1;
  const flush = (last: number) => {
    if (first >= 0) paragraphs.push({ firstLine: first, lastLine: last, text: lines.slice(first, last + 1).join(" ") });
    first = -1;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim().length === 0) {
      flush(i - 1);
      continue;
    }
    if (first >= 0) {
      const previous = lines[i - 1]!;
      const joins = !HEADING.test(previous) && !BLOCK_START.test(line) && (wrapped || (!TERMINAL.test(previous) && (LOWER_START.test(line) || cutAfterNumber(previous))));
      if (!joins) flush(i - 1);
    }
    if (first < 0) first = i;
  }
  flush(lines.length - 1);
  return paragraphs;
}

/** Where an offset of a paragraph's text is in the document: line and UTF-16 character. */
export function placeInParagraph(lines: readonly string[], paragraph: Paragraph, offset: number): { line: number; character: number } {
  let line = paragraph.firstLine;
  let start = 0;
  // The space joining two lines belongs to the line before it.
  while (line < paragraph.lastLine && offset > start + lines[line]!.length) {
    start += lines[line]!.length + 1;
    line++;
  }
  return { line, character: offset - start };
}

/**
 * Where an offset of a sentence's text stands in its source: line and UTF-16 character. A sentence
 * may run across soft line breaks; `breaks` says where each of its later lines begins.
 */
export function placeInSource(sentence: Pick<SourceSentence, "line" | "start" | "breaks">, offset: number): { line: number; character: number } {
  const breaks = sentence.breaks;
  if (!breaks) return { line: sentence.line, character: sentence.start + offset };
  let k = 0;
  while (k < breaks.length && breaks[k]! <= offset) k++;
  return k === 0 ? { line: sentence.line, character: sentence.start + offset } : { line: sentence.line + k, character: offset - breaks[k - 1]! };
}

/** The line stating a part of a sentence and that part's columns in it (for a source link and highlighting). */
export function sourceSpan(sentence: Pick<SourceSentence, "line" | "start" | "breaks">, start: number, end: number): { line: number; start: number; end: number } {
  const from = placeInSource(sentence, start);
  const to = placeInSource(sentence, end);
  return { line: from.line, start: from.character, end: to.line === from.line ? to.character : from.character + (end - start) };
}


/** A sentence's text and line breaks rebuilt from its document's lines (the persisted index keeps only where it stands). */
export function sentenceText(lines: readonly string[], line: number, start: number, endLine: number, end: number): { text: string; breaks?: number[] } {
  if (endLine === line) return { text: lines[line]!.slice(start, end) };
  let text = lines[line]!.slice(start);
  const breaks: number[] = [];
  for (let k = line + 1; k <= endLine; k++) {
    text += " ";
    breaks.push(text.length);
    text += k === endLine ? lines[k]!.slice(0, end) : lines[k]!;
  }
  return { text, breaks };
}
