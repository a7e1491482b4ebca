// The figure grammar's scanner: numbers, words and symbols with their offsets.
// One pass, hand-written, that cannot backtrack across tokens.
import { classWidth, isJsSpace, LETTER, MARK, runEnd } from "./normalize.js";

export type TokenType = "number" | "word" | "symbol";

export interface Token {
  type: TokenType;
  text: string;
  /** Lower-case, diacritics kept. */
  lower: string;
  start: number;
  end: number;
  /** For numbers: the value, NaN when it cannot be read. */
  value: number;
  /** For numbers: written with a decimal point, or with thousands separators. */
  decimal: boolean;
  grouped: boolean;
}

// Hand-written equivalents of sticky regular expressions: no match arrays per token.

const isDigit = (code: number) => code >= 48 && code <= 57;

function digitsEnd(text: string, at: number): number {
  let end = at;
  while (isDigit(text.charCodeAt(end))) end++;
  return end;
}

/** A thousands group ",ddd" at `at`. */
function groupAt(text: string, at: number): boolean {
  return text.charCodeAt(at) === 44 && isDigit(text.charCodeAt(at + 1)) && isDigit(text.charCodeAt(at + 2)) && isDigit(text.charCodeAt(at + 3));
}

/** End of /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/y at a digit. */
function numberEnd(text: string, at: number): number {
  let end = digitsEnd(text, at);
  if (end - at <= 3) while (groupAt(text, end)) end += 4;
  if (text.charCodeAt(end) === 46 && isDigit(text.charCodeAt(end + 1))) end = digitsEnd(text, end + 1);
  return end;
}

/** End of /[\p{L}\p{M}]+(?:'[\p{L}]+)?/uy at `at` (`at` when no word starts there). */
function wordEnd(text: string, at: number): number {
  const end = runEnd(text, at, LETTER | MARK);
  if (end === at || text.charCodeAt(end) !== 39 || classWidth(text, end + 1, LETTER) === 0) return end;
  return runEnd(text, end + 1, LETTER);
}

/** Splits text into tokens. A digit run longer than 40 characters is one unreadable number. */
export function scan(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === 32 || code === 10 || code === 13 || code === 9) {
      // /[\s]+/y
      do at++;
      while (at < text.length && isJsSpace(text.charCodeAt(at)));
      continue;
    }
    if (code >= 48 && code <= 57) {
      const end = numberEnd(text, at);
      const raw = text.slice(at, end);
      const grouped = raw.includes(",");
      const clean = grouped ? raw.replace(/,/g, "") : raw;
      const value = clean.length > 40 ? NaN : Number(clean);
      tokens.push({ type: "number", text: raw, lower: raw, start: at, end, value, decimal: raw.includes("."), grouped });
      at = end;
      continue;
    }
    const end = code > 64 ? wordEnd(text, at) : at;
    if (end > at) {
      const word = text.slice(at, end);
      tokens.push({ type: "word", text: word, lower: word.toLowerCase(), start: at, end, value: NaN, decimal: false, grouped: false });
      at = end;
      continue;
    }
    // One symbol: a whole surrogate pair counts as one.
    const width = code >= 0xd800 && code <= 0xdbff && at + 1 < text.length ? 2 : 1;
    const symbol = text.slice(at, at + width);
    tokens.push({ type: "symbol", text: symbol, lower: symbol, start: at, end: at + width, value: NaN, decimal: false, grouped: false });
    at += width;
  }
  return tokens;
}

/** True when two tokens touch (no space between). */
export function touching(a: Token | undefined, b: Token | undefined): boolean {
  return a !== undefined && b !== undefined && a.end === b.start;
}
