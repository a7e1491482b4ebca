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

function isSpace(ch: string | undefined): boolean {
  return ch === " " || ch === "\t" || ch === "\n" || ch === "\r" || ch === "\u00a0";
}

function wordBefore(text: string, index: number): string {
  let start = index;
  while (start > 0 && !isSpace(text[start - 1]) && text[start - 1] !== "(") start--;
  return text.slice(start, index).toLowerCase();
}

/** Starts of a next sentence: capital letter, digit, quote, bracket or a currency sign. */
function looksLikeSentenceStart(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  if (/[\p{Lu}\p{N}"'“‘(\[$€£¥₩]/u.test(ch)) return true;
  return false;
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
    if (e > s) spans.push({ start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== "." && ch !== "!" && ch !== "?" && ch !== "…") continue;
    // Swallow closing quotes/brackets after the terminator.
    let j = i + 1;
    while (j < text.length && /["'”’)\]]/.test(text[j]!)) j++;
    if (j < text.length && !isSpace(text[j])) continue; // "81.5", "U.S.", "e.g.x"
    let k = j;
    while (k < text.length && isSpace(text[k])) k++;
    if (k >= text.length) continue;
    if (!looksLikeSentenceStart(text[k])) continue;
    if (ch === ".") {
      const word = wordBefore(text, i).replace(/^[("'“‘]+/, "");
      if (ABBREVIATIONS.has(word)) continue;
      if (/^\p{Lu}$/u.test(text.slice(i - 1, i)) && (i < 2 || isSpace(text[i - 2]) || text[i - 2] === ".")) continue; // initials
    }
    push(j);
    start = j;
    i = j - 1;
  }
  push(text.length);
  return spans;
}
