// Reads a Word (.docx) file with mammoth: paragraphs, headings and list items become lines, a
// table row becomes one line of its cells ("Exports | $5 billion"), so a figure keeps its label.
// A paragraph's number (1-based, in document order) is where a citation points.
import { readerLibraries } from "./loadReaderLibraries.js";
import { normalizeCompatibility, type Extraction } from "./extracted.js";
import { decodeEntities } from "./html.js";

/** Tags that end a paragraph of mammoth's HTML (lists nest, so an item's own text ends at a nested list). */
const BLOCK = /^(?:p|h[1-6]|li|ul|ol|table|blockquote|pre)$/;

/** Paragraph texts of mammoth's HTML, in order. */
export function paragraphsOfHtml(html: string): string[] {
  const paragraphs: string[] = [];
  let text = "";
  let cells: string[] | undefined;
  const flush = () => {
    const clean = normalizeCompatibility(decodeEntities(text)).replace(/\s+/g, " ").trim();
    text = "";
    if (cells) {
      if (clean) cells.push(clean);
    } else if (clean) paragraphs.push(clean);
  };
  const tags = /<(\/?)([a-z][a-z0-9]*)\b[^>]*>|([^<]+)/gi;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    const [, closing, rawName, content] = match;
    if (content !== undefined) {
      text += content;
      continue;
    }
    const name = rawName!.toLowerCase();
    if (name === "tr") {
      // A row collects its cells, then is one paragraph.
      flush();
      if (closing && cells) {
        const row = cells.join(" | ");
        cells = undefined;
        if (row) paragraphs.push(row);
      } else if (!closing) cells = [];
    } else if (name === "td" || name === "th") {
      if (closing) flush();
    } else if (name === "br") text += " ";
    else if (BLOCK.test(name) && !(cells && name === "p")) flush();
    else if (cells && name === "p" && closing) text += " ";
  }
  flush();
  return paragraphs;
}

export async function readDocx(bytes: Uint8Array): Promise<Extraction> {
  // Loaded when a Word file is first read (see readerLibraries.ts).
  const mammoth = await readerLibraries().loadDocxLibrary();
  let html: string;
  try {
    // Images are left out: only their text alternative could be read, and they would be inlined as data.
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { convertImage: mammoth.images.imgElement(async () => ({ src: "" })) });
    html = result.value;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/encrypt/i.test(message)) return { reason: "encrypted Word document (needs a password)" };
    return { reason: `corrupt Word document (${message.split("\n")[0]})` };
  }
  const paragraphs = paragraphsOfHtml(html);
  if (paragraphs.length === 0) return { reason: "no text in the Word document" };
  const lines: string[] = [];
  const numbers: number[] = [];
  paragraphs.forEach((paragraph, i) => {
    if (i > 0) {
      lines.push("");
      numbers.push(0);
    }
    lines.push(paragraph);
    numbers.push(i + 1);
  });
  return { format: "docx", lines, paragraphs: numbers };
}
