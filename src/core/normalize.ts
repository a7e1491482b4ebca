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

/**
 * Replaces curly quotes, dashes and odd spaces with ASCII, keeping every offset.
 * Case and letters are untouched, so the result can be shown.
 */
export function normalizePunctuation(text: string): string {
  let out = "";
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const mapped = PUNCTUATION_MAP[ch];
    if (mapped !== undefined) {
      out += mapped;
      changed = true;
    } else out += ch;
  }
  return changed ? out : text;
}

/**
 * Lower-cases and strips diacritics unit by unit, keeping every offset:
 * `foldPreservingOffsets("Phạm Minh Chính")` is "pham minh chinh" with the same length.
 * Decomposed input (a letter followed by a combining mark) keeps the mark, so callers
 * that need marks removed should first compose with NFC.
 */
export function foldPreservingOffsets(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = ch.charCodeAt(0);
    out += code < 0x80 ? (code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : code === 9 ? " " : ch) : foldUnit(ch);
  }
  return out;
}

/** Folds text for matching and index keys: NFKC, lower-case, no diacritics, single spaces. */
export function fold(text: string): string {
  return foldPreservingOffsets(text.normalize("NFKC"))
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\s+/g, " ")
    .trim();
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

/** Words for indexing and matching: folded, alphanumeric runs (keeps "81.5", "us$"). */
export function tokenize(text: string): string[] {
  const folded = fold(text);
  const tokens = folded.match(/[\p{L}\p{N}]+(?:[.,'][\p{L}\p{N}]+)*/gu);
  return tokens ?? [];
}
