// How a place in a source is cited: a PDF by page, a Word file by paragraph, text by line.

export interface Citable {
  path: string;
  /** Zero-based line. */
  line: number;
  page?: number | undefined;
  paragraph?: number | undefined;
}

/**
 * Where a sentence on lines `firstLine`..`lastLine` stands in a PDF or Word source: the page of
 * each of its lines (a sentence may run on to the next page), or its paragraph; nothing for text.
 */
export function placeInDocument(document: { pages?: readonly number[]; paragraphs?: readonly number[] }, firstLine: number, lastLine = firstLine): { pages?: number[]; paragraph?: number } {
  if (document.pages) return { pages: document.pages.slice(firstLine, lastLine + 1) };
  const paragraph = document.paragraphs?.[firstLine];
  return paragraph ? { paragraph } : {};
}

/** The page (PDF) or paragraph (Word) of a line of a sentence; fields left out, not undefined, when none (they go into JSON). */
export function citedPlace(sentence: { line: number; pages?: readonly number[]; paragraph?: number }, line: number): { page?: number; paragraph?: number } {
  const page = sentence.pages?.[line - sentence.line];
  if (page) return { page };
  return sentence.paragraph ? { paragraph: sentence.paragraph } : {};
}

/** Only the page or paragraph a place has, as citedPlace gives them. */
export function pageOrParagraph(place: { page?: number | undefined; paragraph?: number | undefined }): { page?: number; paragraph?: number } {
  return { ...(place.page ? { page: place.page } : {}), ...(place.paragraph ? { paragraph: place.paragraph } : {}) };
}

/** "report.pdf p. 12", "brief.docx ¶ 4", "notes.md:3" (one-based line, as editors print it). */
export function citeLocation(place: Citable): string {
  if (place.page) return `${place.path} p. ${place.page}`;
  if (place.paragraph) return `${place.path} ¶ ${place.paragraph}`;
  return `${place.path}:${place.line + 1}`;
}

/** A line of a sentence (its first by default) as cited: "report.pdf p. 12", "notes.md:3". */
export function citeLine(sentence: { path: string; line: number; pages?: readonly number[]; paragraph?: number }, line = sentence.line): string {
  return citeLocation({ path: sentence.path, line, ...citedPlace(sentence, line) });
}
