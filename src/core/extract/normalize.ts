// Text normalisation. Two families:
// - length-preserving maps (one UTF-16 unit in, one out), so offsets found in the
//   mapped text are offsets in the original: used before parsing drafts and sources;
// - folding for matching and index keys ("Phạm Minh Chính" -> "pham minh chinh").

const PUNCTUATION_MAP: Record<string, string> = {
  "\u2018": "'", // left single quote
  "\u2019": "'", // right single quote / apostrophe
  "\u201A": "'",
  "\u201B": "'",
  "\u2032": "'",
  "\u201C": '"',
  "\u201D": '"',
  "\u201E": '"',
  "\u2033": '"',
  "\u2010": "-", // hyphen
  "\u2011": "-", // non-breaking hyphen
  "\u2012": "-", // figure dash
  "\u2013": "-", // en dash
  "\u2014": "-", // em dash
  "\u2015": "-",
  "\u2212": "-", // minus sign
  "\u00A0": " ", // no-break space
  "\u2007": " ", // figure space
  "\u202F": " ", // narrow no-break space
  "\u2009": " ", // thin space
  "\u200A": " ",
  "\u2002": " ",
  "\u2003": " ",
  "\u3000": " ",
  "\uFEFF": " ", // BOM / zero-width no-break space
  "\u200B": " ", // zero-width space
  "\t": " ",
  "\uFF04": "$", // fullwidth dollar
  "\uFF05": "%", // fullwidth percent
};

const foldCache = new Map<string, string>();

/** Folds one UTF-16 unit to a single lower-case ASCII-ish unit where possible. */
function foldUnit(ch: string): string {
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  let out = ch;
  const mapped = PUNCTUATION_MAP[ch];
  if (mapped !== undefined) out = mapped;
  else if (ch === "đ" || ch === "Đ") out = "d";
  else if (ch === "ø" || ch === "Ø") out = "o";
  else if (ch === "ł" || ch === "Ł") out = "l";
  else {
    const code = ch.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdfff) out = ch; // half of a surrogate pair: leave alone
    else {
      const base = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
      const lower = base.toLowerCase();
      out = lower.length === 1 ? lower : ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
    }
  }
  if (foldCache.size < 10_000) foldCache.set(ch, out);
  return out;
}

/** Any key of PUNCTUATION_MAP, so text without one is returned after a single native scan. */
const PUNCTUATION = new RegExp(`[${Object.keys(PUNCTUATION_MAP).map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")}]`, "g");
const mapPunctuation = (ch: string): string => PUNCTUATION_MAP[ch]!;

/**
 * Replaces curly quotes, dashes and odd spaces with ASCII, keeping every offset.
 * Case and letters are untouched, so the result can be shown.
 */
export function normalizePunctuation(text: string): string {
  return text.replace(PUNCTUATION, mapPunctuation);
}

/**
 * Lower-cases and strips diacritics unit by unit, keeping every offset:
 * `foldPreservingOffsets("Phạm Minh Chính")` is "pham minh chinh" with the same length.
 * Decomposed input (a letter followed by a combining mark) keeps the mark, so callers
 * that need marks removed should first compose with NFC.
 */
export function foldPreservingOffsets(text: string): string {
  // ASCII runs are lower-cased natively; only the other units go through foldUnit.
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 0x80) continue;
    if (i > from) out += foldAscii(text.slice(from, i));
    out += foldUnit(text[i]!);
    from = i + 1;
  }
  return from === 0 ? foldAscii(text) : out + foldAscii(text.slice(from));
}

/** What foldUnit does to ASCII: A-Z lower-cased, tabs to spaces (toLowerCase maps only A-Z in ASCII). */
function foldAscii(run: string): string {
  const lower = run.toLowerCase();
  return lower.includes("\t") ? lower.replace(/\t/g, " ") : lower;
}

const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
/** Whitespace that `\s+` -> " " would change: two in a row, or one that is not a plain space. */
const UNTIDY_SPACE = /\s\s|[^\S ]/;

/** NFKC, folded, combining marks removed: ASCII text is already NFKC and has no marks. */
function foldMarks(text: string): string {
  if (!NON_ASCII.test(text)) return foldAscii(text);
  return foldPreservingOffsets(text.normalize("NFKC")).replace(COMBINING_MARKS, "");
}

/** Folds text for matching and index keys: NFKC, lower-case, no diacritics, single spaces. */
export function fold(text: string): string {
  const folded = foldMarks(text);
  return (UNTIDY_SPACE.test(folded) ? folded.replace(/\s+/g, " ") : folded).trim();
}

/** Whether the UTF-16 unit at `index` changes when lower-cased (a capital); ASCII answered without allocating. */
export function isCapitalAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 0x80) return code >= 65 && code <= 90;
  const unit = text[index]!;
  return unit !== unit.toLowerCase();
}

/** Whether a UTF-16 unit is whitespace as `\s` means it (JavaScript's WhiteSpace and LineTerminator). */
export function isJsSpace(code: number): boolean {
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Normalises text read from disk: NFC composition, no BOM, LF-agnostic. */
export function normalizeSourceText(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.normalize("NFC");
}

/** Splits text into lines on CRLF, LF or lone CR, as LSP does. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

// Word scanning without regular expressions: the hot loops of the indexer call it per line,
// and a hand-written scan allocates nothing but the words themselves.

/** Character classes, as bits: \p{L}, \p{M}, \p{N}. */
export const LETTER = 1;
export const MARK = 2;
export const NUMBER = 4;
const KNOWN = 8;
/** Classes of BMP code points, filled lazily (0: not looked up yet). */
const bmpClasses = new Uint8Array(0x10000);
const astralClasses = new Map<number, number>();

function classify(codePoint: number): number {
  const ch = String.fromCodePoint(codePoint);
  return KNOWN | (/\p{L}/u.test(ch) ? LETTER : 0) | (/\p{M}/u.test(ch) ? MARK : 0) | (/\p{N}/u.test(ch) ? NUMBER : 0);
}

for (let code = 0; code < 0x80; code++) bmpClasses[code] = classify(code);

function classOf(codePoint: number): number {
  if (codePoint < 0x10000) {
    let bits = bmpClasses[codePoint]!;
    if (bits === 0) bmpClasses[codePoint] = bits = classify(codePoint);
    return bits;
  }
  let bits = astralClasses.get(codePoint);
  if (bits === undefined) astralClasses.set(codePoint, (bits = classify(codePoint)));
  return bits;
}

/**
 * Width in UTF-16 units (1 or 2) of the code point at `i` when its class is in `mask`, else 0.
 * Like a /u regular expression, a surrogate pair is one code point and a lone half is neither class.
 */
export function classWidth(text: string, i: number, mask: number): number {
  if (i >= text.length) return 0;
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff || i + 1 >= text.length) return (classOf(code) & mask) !== 0 ? 1 : 0;
  const low = text.charCodeAt(i + 1);
  if (low < 0xdc00 || low > 0xdfff) return (classOf(code) & mask) !== 0 ? 1 : 0;
  return (classOf((code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000) & mask) !== 0 ? 2 : 0;
}

/** End of the run of `mask` characters starting at `i` (`i` when there is none). */
export function runEnd(text: string, i: number, mask: number): number {
  let at = i;
  while (at < text.length) {
    const width = classWidth(text, at, mask);
    if (width === 0) break;
    at += width;
  }
  return at;
}

/**
 * Finds words like /[C]+(?:[S][C]+)*\/gu, C the classes of `mask` and S the `separators`:
 * `next()` moves `start` and `end` to the next word, or returns false.
 */
export class WordScanner {
  start = 0;
  end = 0;

  constructor(private readonly text: string, private readonly mask: number, private readonly separators: string) {}

  next(): boolean {
    const { text, mask } = this;
    let at = this.end;
    while (at < text.length && classWidth(text, at, mask) === 0) at++;
    if (at >= text.length) return false;
    this.start = at;
    at = runEnd(text, at, mask);
    // A separator counts only when the class continues after it.
    while (at + 1 < text.length && this.separators.includes(text[at]!) && classWidth(text, at + 1, mask) !== 0) at = runEnd(text, at + 1, mask);
    this.end = at;
    return true;
  }
}

/**
 * What `tokenize` folds `text` to, from `foldPreservingOffsets(text)` when the caller has it: the
 * same string unless NFKC changes the text, less any combining mark left.
 */
export function foldMarksFrom(text: string, foldedKeepingOffsets: string): string {
  if (!NON_ASCII.test(text)) return foldedKeepingOffsets;
  if (text.normalize("NFKC") !== text) return foldMarks(text);
  return foldedKeepingOffsets.replace(COMBINING_MARKS, "");
}

/**
 * Words for indexing and matching: folded, alphanumeric runs (keeps "81.5", "us$"). `folded`: the
 * text as foldMarksFrom gives it, when the caller has it (a sentence being indexed).
 */
export function tokenize(text: string, folded = foldMarks(text)): string[] {
  // Spaces are never part of a token, so fold's space tidying cannot change the tokens.
  const tokens: string[] = [];
  // /[\p{L}\p{N}]+(?:[.,'][\p{L}\p{N}]+)*/gu
  const scanner = new WordScanner(folded, LETTER | NUMBER, ".,'");
  while (scanner.next()) tokens.push(folded.slice(scanner.start, scanner.end));
  return tokens;
}
