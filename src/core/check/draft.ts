// A draft as the checker reads it: Markdown syntax that holds no claims (code, URLs,
// comments, front matter) is blanked out without moving any offset, then the text is
// cut into paragraphs and sentences whose offsets map back to LSP positions.
import type { Position } from "../types.js";
import { splitSentences } from "../sources/sentences.js";
import { normalizePunctuation } from "../extract/normalize.js";
import { replaceComments } from "../sources/html.js";

export const IGNORE_MARKER = "grounded-ignore";

export interface DraftSentence {
  /** Offset of the sentence in the whole draft text. */
  offset: number;
  /** The sentence with masked regions blanked and newlines as spaces. */
  text: string;
  /** Terms of the subject the paragraph's previous sentence named, for a sentence that names none. */
  carried?: readonly string[];
}

export interface DraftParagraph {
  firstLine: number;
  lastLine: number;
  sentences: DraftSentence[];
}

function blank(region: string): string {
  return region.replace(/[^\n]/g, " ");
}

/** Blanks what is not prose: code, HTML comments and tags, link targets, URLs, front matter. */
export function maskMarkup(text: string): string {
  let masked = text;
  masked = masked.replace(/^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/, blank);
  masked = masked.replace(/^(```|~~~)[^\n]*\n[\s\S]*?(^\1[^\n]*$|(?![\s\S]))/gm, blank);
  masked = masked.replace(/`[^`\n]*`/g, blank);
  masked = replaceComments(masked, blank);
  masked = masked.replace(/<\/?[a-zA-Z][^>\n]{0,500}>/g, blank);
  masked = blankLinkTargets(masked);
  masked = masked.replace(/^\s{0,3}\[[^\]\n]+\]:\s*\S+.*$/gm, blank);
  masked = masked.replace(/\b(?:https?|ftp|file|command|mailto):[^\s)>\]]*/gi, blank);
  masked = masked.replace(/\[\^[^\]\n]{0,200}\]/g, blank); // footnote markers [^1]
  return masked;
}

/**
 * Blanks link targets, "](…)" up to the next ")" on the same line. Where the next ")" and the next
 * newline stand is looked up once and reused: a regular expression would rescan the rest of the line
 * from every "](" that has no ")" after it.
 */
function blankLinkTargets(text: string): string {
  let out = "";
  let from = 0;
  let close = -2;
  let newline = -2;
  for (let at = text.indexOf("](", 0); at >= 0; at = text.indexOf("](", Math.max(at + 1, from))) {
    if (close !== -1 && close < at + 2) close = text.indexOf(")", at + 2);
    if (close === -1) break;
    if (newline !== -1 && newline < at + 2) newline = text.indexOf("\n", at + 2);
    if (newline !== -1 && newline < close) continue;
    out += text.slice(from, at + 1) + blank(text.slice(at + 1, close + 1));
    from = close + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Offsets of the start of every line (LF, CRLF or lone CR). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) starts.push(i + 1);
    else if (ch === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export function positionAt(starts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo]! };
}

/** Splits a draft into paragraphs (runs of non-blank lines) and sentences. */
export function readDraft(text: string): { paragraphs: DraftParagraph[]; starts: number[] } {
  const starts = lineStarts(text);
  const masked = normalizePunctuation(maskMarkup(text));
  const paragraphs: DraftParagraph[] = [];
  let first = -1;
  const lineText = (line: number) => {
    const end = line + 1 < starts.length ? starts[line + 1]! : text.length;
    return masked.slice(starts[line]!, end);
  };
  const flush = (last: number) => {
    if (first < 0) return;
    const from = starts[first]!;
    const to = last + 1 < starts.length ? starts[last + 1]! : text.length;
    let body = masked.slice(from, to).replace(/[\r\n]/g, " ");
    // A line carrying the ignore marker holds no claims to check.
    for (let line = first; line <= last; line++) {
      if (text.slice(starts[line]!, line + 1 < starts.length ? starts[line + 1]! : text.length).includes(IGNORE_MARKER)) {
        const a = starts[line]! - from;
        const b = (line + 1 < starts.length ? starts[line + 1]! : text.length) - from;
        body = body.slice(0, a) + " ".repeat(b - a) + body.slice(b);
      }
    }
    // List markers and headings do not end sentences; they just precede them.
    const sentences = splitSentences(body).map((span) => ({ offset: from + span.start, text: body.slice(span.start, span.end) }));
    paragraphs.push({ firstLine: first, lastLine: last, sentences });
    first = -1;
  };
  for (let line = 0; line < starts.length; line++) {
    const content = lineText(line).trim();
    const isBreak = content.length === 0 || /^#{1,6}\s/.test(content) || /^([-*+]|\d+[.)])\s/.test(content);
    if (content.length === 0) {
      flush(line - 1);
      continue;
    }
    if (isBreak) {
      flush(line - 1);
      first = line;
      // A heading or list item is its own paragraph.
      flush(line);
      continue;
    }
    if (first < 0) first = line;
  }
  flush(starts.length - 1);
  return { paragraphs, starts };
}
