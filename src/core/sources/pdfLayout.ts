// From positioned pieces of text on PDF pages to paragraphs in reading order. A PDF has no
// lines or paragraphs, only strings drawn at coordinates: pieces on one baseline are joined
// into runs, runs are put in reading order by cutting the page at its widest gaps (column
// gutters, space between blocks), runs on one baseline make a line, and lines close together
// in one size make a paragraph. Headers and footers repeated on most pages are dropped.
import { normalizeCompatibility, type ExtractedText } from "./extracted.js";

/** A string pdf.js found on a page: baseline origin (PDF units, y upwards), advance width and font size. */
export interface TextPiece {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface PageText {
  pieces: TextPiece[];
  /** The page's box: y from `bottom` to `top`. */
  bottom: number;
  top: number;
}

/** Text on one baseline without a wide gap inside. */
interface Run {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

/** A line of a page in reading order. */
interface Line {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** Right edge of the column the line is in: a line that stops well short of it may end a paragraph. */
  columnRight: number;
}

/** Pieces further apart than this many font sizes are in different runs (a column gutter, a table cell). */
const RUN_GAP = 1.0;

function runsOf(pieces: readonly TextPiece[]): Run[] {
  const runs: Run[] = [];
  let current: Run | undefined;
  for (const piece of pieces) {
    const text = normalizeCompatibility(piece.text);
    const size = piece.size > 0 ? piece.size : 10;
    const continues =
      current !== undefined &&
      Math.abs(piece.y - current.y) < 0.3 * Math.max(size, current.size) &&
      piece.x >= current.x1 - 0.5 * size &&
      piece.x - current.x1 < RUN_GAP * size;
    if (text.trim().length === 0) {
      // A space drawn as its own piece separates words of the run it continues.
      if (continues && current && !current.text.endsWith(" ")) current.text += " ";
      if (continues && current) current.x1 = Math.max(current.x1, piece.x + piece.width);
      continue;
    }
    if (continues && current) {
      const gap = piece.x - current.x1;
      if (gap > 0.15 * size && !current.text.endsWith(" ") && !text.startsWith(" ")) current.text += " ";
      current.text += text;
      current.x1 = Math.max(current.x1, piece.x + piece.width);
      current.size = Math.max(current.size, size);
    } else {
      current = { text, x0: piece.x, x1: piece.x + piece.width, y: piece.y, size };
      runs.push(current);
    }
  }
  for (const run of runs) run.text = run.text.replace(/\s+/g, " ").trim();
  return runs.filter((run) => run.text.length > 0);
}

const top = (run: Run) => run.y + 0.8 * run.size;
const bottom = (run: Run) => run.y - 0.25 * run.size;

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The widest vertical strip with no text that splits the runs into two real columns of text. */
function columnGutter(runs: readonly Run[]): { at: number; width: number } | undefined {
  const sorted = [...runs].sort((a, b) => a.x0 - b.x0);
  const left = sorted[0]!.x0;
  const right = Math.max(...runs.map((run) => run.x1));
  const minimum = Math.max(RUN_GAP * median(runs.map((run) => run.size)), 4);
  let best: { at: number; width: number } | undefined;
  let reach = sorted[0]!.x1;
  for (const run of sorted.slice(1)) {
    if (run.x0 - reach >= minimum && (!best || run.x0 - reach > best.width)) {
      const at = (reach + run.x0) / 2;
      // Columns of prose, not the cells of a table: each side has several runs, most of them wide.
      const sides = [runs.filter((r) => r.x1 <= at), runs.filter((r) => r.x0 >= at)];
      const isColumn = sides.every((side) => side.length >= 3 && median(side.map((r) => r.x1 - r.x0)) >= 0.25 * (right - left));
      if (isColumn) best = { at, width: run.x0 - reach };
    }
    reach = Math.max(reach, run.x1);
  }
  return best;
}

/** The widest horizontal strip with no text across the whole region. */
function blockGap(runs: readonly Run[]): { at: number; width: number } | undefined {
  const sorted = [...runs].sort((a, b) => top(b) - top(a));
  let best: { at: number; width: number } | undefined;
  let lowest = bottom(sorted[0]!);
  for (const run of sorted.slice(1)) {
    const gap = lowest - top(run);
    if (gap > 0 && (!best || gap > best.width)) best = { at: (lowest + top(run)) / 2, width: gap };
    lowest = Math.min(lowest, bottom(run));
  }
  return best;
}

/** Runs on (about) one baseline, left to right, as lines from the top down. */
function linesOf(runs: readonly Run[]): Line[] {
  const lines: Run[][] = [];
  for (const run of [...runs].sort((a, b) => b.y - a.y)) {
    const line = lines[lines.length - 1];
    // A superscript (a footnote mark) sits a little above the baseline of its line.
    if (line && Math.abs(line[0]!.y - run.y) < 0.45 * Math.max(line[0]!.size, run.size)) line.push(run);
    else lines.push([run]);
  }
  return lines.map((line) => {
    line.sort((a, b) => a.x0 - b.x0);
    const main = line.reduce((a, b) => (b.size > a.size ? b : a));
    const x1 = Math.max(...line.map((run) => run.x1));
    // A smaller run touching the one before is a superscript of its word ("1" "st").
    const text = line.map((run, i) => (i > 0 && run.size < 0.85 * line[i - 1]!.size && run.x0 - line[i - 1]!.x1 < 0.15 * main.size ? run.text : ` ${run.text}`)).join("").trim();
    return { text, x0: line[0]!.x0, x1, y: main.y, size: main.size, columnRight: x1 };
  });
}

/** Sets each line's column edge: the furthest right that lines starting where it starts reach. */
function measureColumns(lines: Line[]): Line[] {
  for (const line of lines) line.columnRight = Math.max(...lines.filter((other) => Math.abs(other.x0 - line.x0) < 2 * line.size).map((other) => other.x1));
  return lines;
}

/** Reading order: cut at the widest gap (a gutter between columns, or space between blocks), top to bottom, left to right. */
function readingOrder(runs: Run[]): Line[] {
  if (runs.length <= 1) return linesOf(runs);
  const gutter = columnGutter(runs);
  const gap = blockGap(runs);
  if (gutter && (!gap || gutter.width >= gap.width)) {
    return [...readingOrder(runs.filter((run) => run.x1 <= gutter.at)), ...readingOrder(runs.filter((run) => run.x1 > gutter.at))];
  }
  if (gap) return [...readingOrder(runs.filter((run) => bottom(run) >= gap.at)), ...readingOrder(runs.filter((run) => bottom(run) < gap.at))];
  return linesOf(runs);
}

/** A line's text with numbers blanked, to recognise the same header on every page ("Page 3 of 9"). */
function marginKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ").trim();
}

const PAGE_NUMBER = /^(?:page\s*)?[-–—(]?\s*#\s*[-–—)]?(?:\s*(?:of|\/)\s*#)?$/i;

/** Lines in the top or bottom tenth of their page that most pages repeat, or a bare page number. */
function dropHeadersAndFooters(pages: PageLines[]): void {
  const inMargin = (line: Line, page: { bottom: number; top: number }) => {
    const margin = (page.top - page.bottom) * 0.1;
    return line.y > page.top - margin || line.y < page.bottom + margin;
  };
  const pagesWith = new Map<string, number>();
  for (const page of pages) {
    for (const key of new Set(page.lines.filter((line) => inMargin(line, page)).map((line) => marginKey(line.text)))) pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
  }
  const repeated = (key: string) => pages.length >= 2 && (pagesWith.get(key) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  for (const page of pages) {
    page.lines = page.lines.filter((line) => {
      if (!inMargin(line, page)) return true;
      const key = marginKey(line.text);
      return !PAGE_NUMBER.test(key) && !repeated(key);
    });
  }
}

const BULLET = /^(?:[•◦▪▫‣●○■□–*·-]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s/u;
const ENDS_SENTENCE = /[.!?:;]["'”’)\]]*$/u;

/** Where a line-end hyphen was taken out of a word; settled once the whole document's words are known. */
const HYPHEN_MARK = "\u0000";

interface Paragraph {
  /** Text per page the paragraph is on (most have one). */
  parts: Array<{ page: number; text: string }>;
  last: Line;
  firstX: number;
  bodyX?: number;
  bullet: boolean;
}

/** How far apart consecutive lines of ordinary text are on a page. */
function lineStep(lines: readonly Line[]): number {
  const steps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!];
    const step = a.y - b.y;
    if (Math.abs(a.size - b.size) < 0.1 * a.size && step > 0.8 * a.size && step < 2.5 * a.size) steps.push(step / a.size);
  }
  return steps.length > 0 ? median(steps) : 1.25;
}

/** Whether `next` starts a new paragraph after the lines of `paragraph` (`samePage`: on the page of its last line). */
function startsParagraph(paragraph: Paragraph, next: Line, step: number, samePage: boolean): boolean {
  const last = paragraph.last;
  if (BULLET.test(next.text)) return true;
  if (Math.abs(next.size - last.size) > 0.15 * last.size) return true;
  const flowsOn = !ENDS_SENTENCE.test(last.text) && /^[\p{Ll}\d($€£]/u.test(next.text);
  // Up the page (the next column) or onto the next page: the paragraph goes on only mid-sentence.
  if (!samePage || next.y >= last.y) return !flowsOn;
  if (last.y - next.y > (step + 0.45) * last.size) return true;
  const bodyX = paragraph.bodyX ?? (paragraph.bullet ? undefined : paragraph.firstX);
  if (bodyX !== undefined && Math.abs(next.x0 - bodyX) > 1.2 * last.size && !flowsOn) return true;
  // A short last line that ends a sentence ends its paragraph.
  return ENDS_SENTENCE.test(last.text) && last.x1 < last.columnRight - 6 * last.size;
}

/** Joins a line to the text before it: a word broken at a line end is marked to be settled later. */
function joinLine(before: string, line: string): string {
  // Only the end of a paragraph that can be long: a test of the whole would cost its length per line.
  const end = before.slice(-2);
  if (/\p{L}[-\u00AD]$/u.test(end) && /^\p{Ll}/u.test(line)) return before.slice(0, -1) + "-" + HYPHEN_MARK + line;
  if (/[—/]$/u.test(end) || before.length === 0) return before + line;
  return `${before} ${line}`;
}

/**
 * A hyphen at a line end is either typesetting ("govern-ment") or part of the word ("four-year").
 * The document's own words decide: a break whose joined word it writes elsewhere is joined, one
 * whose hyphenated word (or both halves as words) it writes elsewhere keeps the hyphen, and the
 * rest go the way most decided breaks of the document went (a browser's PDF breaks only at real
 * hyphens; a typeset report hyphenates words), joined when nothing tells.
 */
function settleHyphens(texts: string[], words: ReadonlySet<string>): string[] {
  const BROKEN = /(\p{L}+)-\u0000(\p{L}+)/gu;
  const decide = (head: string, tail: string): boolean | undefined => {
    if (words.has(`${head}${tail}`.toLowerCase())) return false;
    if (words.has(`${head}-${tail}`.toLowerCase()) || (words.has(head.toLowerCase()) && words.has(tail.toLowerCase()))) return true;
    return undefined;
  };
  let kept = 0;
  let joined = 0;
  for (const text of texts) {
    if (!text.includes(HYPHEN_MARK)) continue;
    for (const [, head, tail] of text.matchAll(BROKEN)) {
      const keep = decide(head!, tail!);
      if (keep === true) kept++;
      else if (keep === false) joined++;
    }
  }
  const keepByDefault = kept > joined;
  return texts.map((text) => (!text.includes(HYPHEN_MARK) ? text : text.replace(BROKEN, (_whole, head: string, tail: string) => ((decide(head, tail) ?? keepByDefault) ? `${head}-${tail}` : `${head}${tail}`))));
}

/**
 * The words of a page, for settling line-end hyphens: each line's but its first (which may end a
 * broken word) and a last one ending in a hyphen (which may start one): each half would vouch for the other.
 */
function wordsOfPage(lines: readonly Line[], words: Set<string>): void {
  for (const line of lines) {
    const found = line.text.toLowerCase().match(/[\p{L}-]+/gu) ?? [];
    const last = found.length > 0 && found[found.length - 1]!.endsWith("-") ? found.length - 1 : found.length;
    for (let i = 1; i < last; i++) {
      const word = found[i]!;
      words.add(word);
      if (word.includes("-")) for (const part of word.split("-")) words.add(part);
    }
  }
}

/** A page's lines in reading order: the work done page by page, as each is read. */
export interface PageLines {
  lines: Line[];
  bottom: number;
  top: number;
  /** The page's words (see wordsOfPage). */
  words: Set<string>;
}

export function layoutPage(page: PageText): PageLines {
  const lines = measureColumns(readingOrder(runsOf(page.pieces)));
  const words = new Set<string>();
  wordsOfPage(lines, words);
  return { lines, bottom: page.bottom, top: page.top, words };
}

/**
 * The whole document's step: headers and footers known from every page, paragraphs across pages,
 * hyphens. Paragraphs are one per line with a blank line between; one across pages is a line per
 * page. `pause` lets other work run every few pages of a long document.
 */
export async function paragraphsOfPages(laidOut: PageLines[], pause: () => Promise<void>): Promise<ExtractedText> {
  dropHeadersAndFooters(laidOut);
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | undefined;
  for (const [pageIndex, page] of laidOut.entries()) {
    if (pageIndex % 20 === 19) await pause();
    const step = lineStep(page.lines);
    for (const line of page.lines) {
      const samePage = current?.parts[current.parts.length - 1]!.page === pageIndex + 1;
      if (!current || startsParagraph(current, line, step, samePage)) {
        current = { parts: [{ page: pageIndex + 1, text: line.text }], last: line, firstX: line.x0, bullet: BULLET.test(line.text) };
        paragraphs.push(current);
        continue;
      }
      const part = current.parts[current.parts.length - 1]!;
      if (part.page === pageIndex + 1) part.text = joinLine(part.text, line.text);
      else current.parts.push({ page: pageIndex + 1, text: joinLine("", line.text) });
      if (current.bodyX === undefined && samePage) current.bodyX = line.x0;
      current.last = line;
    }
  }
  const lines: string[] = [];
  const pageOfLine: number[] = [];
  const parts = paragraphs.flatMap((paragraph) => paragraph.parts);
  await pause();
  const words = new Set<string>();
  for (const page of laidOut) for (const word of page.words) words.add(word);
  const texts = settleHyphens(parts.map((part) => part.text), words);
  let at = 0;
  for (const paragraph of paragraphs) {
    if (lines.length > 0) {
      // The blank line between paragraphs stays on the page before: a page marker shown above
      // the next paragraph then sits right on top of it.
      lines.push("");
      pageOfLine.push(pageOfLine[pageOfLine.length - 1]!);
    }
    for (const part of paragraph.parts) {
      lines.push(texts[at++]!);
      pageOfLine.push(part.page);
    }
  }
  return { format: "pdf", lines, pages: pageOfLine };
}
