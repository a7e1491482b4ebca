// A source file's text as a writer reads it: YAML front matter is metadata (title, date), not
// facts; Markdown link targets, URLs, code and tags hold no claims. What is not prose is blanked
// without moving any offset, so line N, character C of the result is line N, character C of the file.
import type { CalendarDate } from "../types.js";
import { maskMarkup } from "../check/draft.js";

export interface FrontMatter {
  title?: string;
  date?: CalendarDate;
}

/** The YAML front matter at the top of a file: its lines (`---` to `---`) and the fields we use. */
export function readFrontMatter(lines: readonly string[]): { lineCount: number; fields: FrontMatter } | undefined {
  if (lines[0]?.trim() !== "---") return undefined;
  // Front matter is short; a file that opens with a rule and never closes it is prose.
  const limit = Math.min(lines.length, 200);
  for (let end = 1; end < limit; end++) {
    const line = lines[end]!.trim();
    if (line !== "---" && line !== "...") continue;
    const fields: FrontMatter = {};
    for (const entry of lines.slice(1, end)) {
      const match = /^(title|date):\s*(.*)$/i.exec(entry.trim());
      if (!match) continue;
      const value = unquote(match[2]!);
      if (match[1]!.toLowerCase() === "title" && value) fields.title = value;
      else {
        const date = /^((?:19|20)\d\d)-(\d\d)-(\d\d)/.exec(value);
        if (date) fields.date = { year: Number(date[1]), month: Number(date[2]), day: Number(date[3]) };
      }
    }
    return { lineCount: end + 1, fields };
  }
  return undefined;
}

function unquote(value: string): string {
  const trimmed = value.trim();
  const quoted = /^(["'])(.*)\1$/.exec(trimmed);
  // YAML escapes in double quotes that exporters write: "\_" for a non-breaking space, "\"".
  return (quoted ? quoted[2]! : trimmed).replace(/\\_/g, " ").replace(/\\(["'\\])/g, "$1").trim();
}

/** Whether a source is Markdown or plain text, whose markup we blank (HTML is converted elsewhere). */
export function isMarkdownLike(displayPath: string): boolean {
  return /\.(md|markdown|mdown|mkd|txt|text)$/i.test(displayPath);
}

/** A backslash escaping ASCII punctuation in Markdown (before "$" or "#"): blanked, the punctuation stays. */
const MARKDOWN_ESCAPE = /\\(?=[!-/:-@[-`{-~])/g;

/** Bold markers ("**$20 Billion**", "__new__"): not words, and a figure or title reads the same without them. */
const STRONG_EMPHASIS = /\*\*|__/g;

/**
 * The lines of a Markdown or text source with front matter, link targets, URLs, code, comments and
 * tags blanked (same lengths), and the front matter's title and date.
 */
export function proseLines(lines: readonly string[]): { lines: string[]; frontMatter?: FrontMatter } {
  const front = readFrontMatter(lines);
  const body = lines.map((line, i) => (front && i < front.lineCount ? "" : line));
  // maskMarkup keeps lengths and newlines, so the lines still line up.
  const masked = maskMarkup(body.join("\n")).replace(MARKDOWN_ESCAPE, " ").replace(STRONG_EMPHASIS, "  ").split("\n");
  return { lines: masked, ...(front ? { frontMatter: front.fields } : {}) };
}

/** Reads a date stated near the top of a document ("2025-08-11", "11/10/2023", "August 11, 2025"). */
export function findDocumentDate(lines: readonly string[]): CalendarDate | undefined {
  const months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
  for (const line of lines.slice(0, 12)) {
    const head = line.slice(0, 400);
    let m = /\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b/.exec(head);
    if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    m = /\b(\d{1,2})\/(\d{1,2})\/((?:19|20)\d\d)\b/.exec(head);
    if (m) {
      const a = Number(m[1]);
      const b = Number(m[2]);
      const [day, month] = b > 12 ? [b, a] : [a, b];
      return { year: Number(m[3]), month, day };
    }
    m = /\b(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2}), ((?:19|20)\d\d)\b/i.exec(head);
    if (m) return { year: Number(m[3]), month: months.indexOf(m[1]!.toLowerCase()) + 1, day: Number(m[2]) };
  }
  return undefined;
}
