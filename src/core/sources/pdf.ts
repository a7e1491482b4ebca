// Reads a PDF's text layer with pdf.js, a page at a time, yielding between pages so a server
// answers while a long report is read. A PDF that cannot be used gives a reason, never throws.
import { readerLibraries } from "./loadReaderLibraries.js";
import { layoutPage, paragraphsOfPages, type PageLines, type TextPiece } from "./pdfLayout.js";
import { yieldToEventLoop, type Extraction } from "./extracted.js";

/** Why pdf.js refused a file, in words a user can act on. */
function describePdfError(error: unknown): string {
  const name = (error as { name?: string } | undefined)?.name;
  const message = error instanceof Error ? error.message : String(error);
  if (name === "PasswordException") return "encrypted PDF (needs a password)";
  if (name === "InvalidPDFException") return `corrupt PDF (${message})`;
  return `cannot read PDF: ${message}`;
}

export async function readPdf(bytes: Uint8Array): Promise<Extraction> {
  // Loaded when a PDF is first read: the library is large, and most corpora have none.
  const pdfjs = await readerLibraries().loadPdfLibrary();
  const task = pdfjs.getDocument({
    // pdf.js refuses a Node Buffer, and may keep what it is given.
    data: new Uint8Array(bytes),
    verbosity: 0,
    // Sources are untrusted: no code from fonts, no fonts or files fetched, no XFA forms.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    stopAtErrors: false,
  });
  try {
    const document = await task.promise;
    if (document.numPages === 0) return { reason: "corrupt PDF (no pages)" };
    const pages: PageLines[] = [];
    let pieces = 0;
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const [, bottom, , top] = page.view as [number, number, number, number];
      const text: TextPiece[] = [];
      for (const item of content.items) {
        if (!("str" in item) || item.str.length === 0) continue;
        const [a, b, c, d, x, y] = item.transform as number[];
        const size = Math.hypot(c ?? 0, d ?? 0) || Math.hypot(a ?? 0, b ?? 0) || item.height;
        text.push({ text: item.str, x: x ?? 0, y: y ?? 0, width: item.width, size });
        if (item.str.trim().length > 0) pieces++;
      }
      pages.push(layoutPage({ pieces: text, bottom, top }));
      page.cleanup();
      await yieldToEventLoop();
    }
    if (pieces === 0) return { reason: "no text layer: scanned? (a PDF of images needs OCR first)" };
    const extracted = await paragraphsOfPages(pages, yieldToEventLoop);
    if (extracted.lines.every((line) => line.trim().length === 0)) return { reason: "no text layer: scanned? (a PDF of images needs OCR first)" };
    return extracted;
  } catch (error) {
    return { reason: describePdfError(error) };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
