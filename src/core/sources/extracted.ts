// What a reader of a binary source format (PDF, Word) hands to the corpus: plain lines, and
// where each line stands in the original, so a figure can be cited by page or paragraph.

export interface ExtractedText {
  format: "pdf" | "docx";
  /** One paragraph per line, a blank line between paragraphs (as a Markdown source reads). */
  lines: string[];
  /** PDF: the 1-based page of each line. */
  pages?: number[];
  /** DOCX: the 1-based paragraph number of each line (0 for the blank lines between). */
  paragraphs?: number[];
}

export type Extraction = ExtractedText | { reason: string };

/** The format a file is read as by its extension (`report.PDF`, a file: URI's path): PDF, Word, or neither (text). */
export function extractedFormatOf(fileName: string): ExtractedText["format"] | undefined {
  const extension = /\.(pdf|docx)$/i.exec(fileName)?.[1]?.toLowerCase();
  return extension === "pdf" || extension === "docx" ? extension : undefined;
}

/**
 * Compatibility characters a PDF or Word file uses for typesetting, as the letters they stand for:
 * ligatures (ﬁ, ﬂ, ﬀ, ﬃ), full-width ASCII. NFKC on these only: applied to all text it would
 * also turn "10²" into "102".
 */
export function normalizeCompatibility(text: string): string {
  return text.replace(/[\uFB00-\uFB06\uFF01-\uFF5E]/g, (character) => character.normalize("NFKC"));
}

/** Lets other work run (a server's answers) between pages of a long document. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
