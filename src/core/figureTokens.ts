// The figure grammar's scanner: numbers, words and symbols with their offsets.
// One pass with sticky regular expressions that cannot backtrack across tokens.

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

const NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/y;
const WORD = /[\p{L}\p{M}]+(?:'[\p{L}]+)?/uy;
const SPACE = /[\s]+/y;

function matchAt(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at;
  const match = pattern.exec(text);
  return match ? match[0] : undefined;
}

/** Splits text into tokens. A digit run longer than 40 characters is one unreadable number. */
export function scan(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === 32 || code === 10 || code === 13 || code === 9) {
      at += matchAt(SPACE, text, at)?.length ?? 1;
      continue;
    }
    if (code >= 48 && code <= 57) {
      const raw = matchAt(NUMBER, text, at)!;
      const clean = raw.replace(/,/g, "");
      const value = clean.length > 40 ? NaN : Number(clean);
      tokens.push({ type: "number", text: raw, lower: raw, start: at, end: at + raw.length, value, decimal: raw.includes("."), grouped: raw.includes(",") });
      at += raw.length;
      continue;
    }
    const word = code > 64 ? matchAt(WORD, text, at) : undefined;
    if (word) {
      tokens.push({ type: "word", text: word, lower: word.toLowerCase(), start: at, end: at + word.length, value: NaN, decimal: false, grouped: false });
      at += word.length;
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
