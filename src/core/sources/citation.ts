// How a place in a source is cited: a PDF by page, a Word file by paragraph, text by line.

export interface Citable {
  path: string;
  /** Zero-based line. */
  line: number;
  page?: number | undefined;
  paragraph?: number | undefined;
}

/** The page or paragraph of a line of a PDF or Word source; nothing for text sources. */
export function placeInDocument(document: { pages?: readonly number[]; paragraphs?: readonly number[] }, line: number): { page?: number; paragraph?: number } {
  const page = document.pages?.[line];
  if (page) return { page };
  const paragraph = document.paragraphs?.[line];
  if (paragraph) return { paragraph };
  return {};
}

/** Only the page or paragraph a place has: fields left out, not undefined (they go into JSON). */
export function pageOrParagraph(place: { page?: number | undefined; paragraph?: number | undefined }): { page?: number; paragraph?: number } {
  return { ...(place.page ? { page: place.page } : {}), ...(place.paragraph ? { paragraph: place.paragraph } : {}) };
}

/** "report.pdf p. 12", "brief.docx ¶ 4", "notes.md:3" (one-based line, as editors print it). */
export function citeLocation(place: Citable): string {
  if (place.page) return `${place.path} p. ${place.page}`;
  if (place.paragraph) return `${place.path} ¶ ${place.paragraph}`;
  return `${place.path}:${place.line + 1}`;
}
