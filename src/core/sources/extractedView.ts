// The read-only view of a PDF or Word source's extracted text: its lines as indexed, with a
// marker line before each page of a PDF. Citations count lines of the extracted text, so an
// editor opening the view shifts them past the markers (viewLineOf).
import { extractedFormatOf } from "./extracted.js";

export interface ExtractedView {
  text: string;
  /** Lines of the extracted text before which a page marker stands, ascending. */
  pageStarts: number[];
}

export function pageMarker(page: number): string {
  return `──────── page ${page} ────────`;
}

export function extractedView(document: { lines: readonly string[]; pages?: readonly number[] }): ExtractedView {
  const pages = document.pages;
  if (!pages) return { text: document.lines.join("\n"), pageStarts: [] };
  const shown: string[] = [];
  const pageStarts: number[] = [];
  document.lines.forEach((line, i) => {
    const page = pages[i];
    if (page !== undefined && (i === 0 || page !== pages[i - 1])) {
      pageStarts.push(i);
      shown.push(pageMarker(page));
    }
    shown.push(line);
  });
  return { text: shown.join("\n"), pageStarts };
}

/** The line of the view that shows line `line` of the extracted text. */
export function viewLineOf(pageStarts: readonly number[], line: number): number {
  let markers = 0;
  while (markers < pageStarts.length && pageStarts[markers]! <= line) markers++;
  return line + markers;
}

/** Whether a source is read through the extracted-text view rather than opened as a file. */
export function isExtractedSource(pathOrUri: string): boolean {
  return extractedFormatOf(pathOrUri) !== undefined;
}
