// Sentence boundaries inside one line or paragraph. Linear scan, no regex backtracking.

export interface SentenceSpan {
  start: number;
  end: number;
}

// Words after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "etc", "e.g", "i.e", "jan", "feb", "mar", "apr", "jun",
  "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co", "corp", "gov", "gen", "lt", "col",
  "u.s", "u.k", "u.n", "approx", "est", "fig", "jr", "sr", "rep", "sen", "dept",
]);

/** Longest entry of ABBREVIATIONS: longer words are not looked up (lower-casing never shortens a word). */
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

function isSpace(ch: string | undefined): boolean {
  return ch === " " || ch === "\t" || ch === "\n" || ch === "\r" || ch === "\u00a0";
}

function isSpaceCode(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
}

/** Quotes and brackets that may open a word or close a sentence. */
const OPENERS = "(\"'“‘";
const CLOSERS = "\"'”’)]";

/** The word before `index` (back to a space or "("), lower-cased, without leading quotes: /^[("'“‘]+/. */
function wordBefore(text: string, index: number): string {
  let start = index;
  while (start > 0 && !isSpaceCode(text.charCodeAt(start - 1)) && text[start - 1] !== "(") start--;
  while (start < index && OPENERS.includes(text[start]!)) start++;
  // Only an abbreviation matters to the caller; skip lower-casing long words.
  if (index - start > LONGEST_ABBREVIATION) return "";
  return text.slice(start, index).toLowerCase();
}

const SENTENCE_START = /[\p{Lu}\p{N}"'“‘(\[$€£¥₩]/u;
const UPPER_CASE_LETTER = /^\p{Lu}$/u;

/** Starts of a next sentence: capital letter, digit, quote, bracket or a currency sign. */
function looksLikeSentenceStart(text: string, k: number): boolean {
  const code = text.charCodeAt(k);
  // ASCII answered without the regular expression: A-Z, 0-9, " ' ( [ $.
  if (code < 0x80) return (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 34 || code === 39 || code === 40 || code === 91 || code === 36;
  return SENTENCE_START.test(text[k]!);
}

/** A lone capital before the dot at `i`: /^\p{Lu}$/u on text[i - 1]. */
function capitalBefore(text: string, i: number): boolean {
  if (i < 1) return false;
  const code = text.charCodeAt(i - 1);
  if (code < 0x80) return code >= 65 && code <= 90;
  return UPPER_CASE_LETTER.test(text[i - 1]!);
}

/**
 * Longest sentence, in UTF-16 units. Real sentences stay well below it (in the White House archive,
 * 33 in 400,000 are longer, lists and tables run together); what is longer is cut at a space, so the
 * work done per sentence (every figure's context looks at every word) stays bounded on any line.
 */
export const MAX_SENTENCE_LENGTH = 1500;

/** Where to cut a run longer than MAX_SENTENCE_LENGTH that starts at `start`: the last space in its last quarter, else the limit. */
function cutPoint(text: string, start: number): number {
  const limit = start + MAX_SENTENCE_LENGTH;
  for (let at = limit; at > limit - MAX_SENTENCE_LENGTH / 4; at--) if (isSpaceCode(text.charCodeAt(at))) return at;
  // No space: never between the halves of a surrogate pair.
  const code = text.charCodeAt(limit);
  return code >= 0xdc00 && code <= 0xdfff ? limit - 1 : limit;
}

/** Splits text into sentence spans; whitespace at either end of a sentence is trimmed. */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    while (e - s > MAX_SENTENCE_LENGTH) {
      const cut = cutPoint(text, s);
      let pieceEnd = cut;
      while (pieceEnd > s && isSpace(text[pieceEnd - 1])) pieceEnd--;
      if (pieceEnd > s) spans.push({ start: s, end: pieceEnd });
      s = cut;
      while (s < e && isSpace(text[s])) s++;
    }
    if (e > s) spans.push({ start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // . ! ? …
    if (code !== 46 && code !== 33 && code !== 63 && code !== 0x2026) continue;
    // Swallow closing quotes/brackets after the terminator.
    let j = i + 1;
    while (j < text.length && CLOSERS.includes(text[j]!)) j++;
    if (j < text.length && !isSpaceCode(text.charCodeAt(j))) continue; // "81.5", "U.S.", "e.g.x"
    let k = j;
    while (k < text.length && isSpaceCode(text.charCodeAt(k))) k++;
    if (k >= text.length) continue;
    if (!looksLikeSentenceStart(text, k)) continue;
    if (code === 46) {
      if (ABBREVIATIONS.has(wordBefore(text, i))) continue;
      if (capitalBefore(text, i) && (i < 2 || isSpace(text[i - 2]) || text[i - 2] === ".")) continue; // initials
    }
    push(j);
    start = j;
    i = j - 1;
  }
  push(text.length);
  return spans;
}
