// PDF and Word sources: which reader a file needs, and the source document made of what it read.
import * as path from "node:path";
import type { SourceDocument } from "../types.js";
import { findDocumentDate } from "./sourceText.js";
import { normalizeSourceText } from "../extract/normalize.js";
import { extractedFormatOf, type ExtractedText, type Extraction, type PageProgress } from "./extracted.js";
import { readPdf } from "./pdf.js";
import { readDocx } from "./docx.js";

/** Reads a PDF or Word file; undefined for any other file (decoded as text instead). */
export async function readBinarySource(fileName: string, bytes: Uint8Array, onPage?: PageProgress): Promise<Extraction | undefined> {
  const format = extractedFormatOf(fileName);
  if (format === "pdf") return readPdf(bytes, onPage);
  if (format === "docx") {
    // An encrypted .docx is an OLE container, not a ZIP.
    if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return { reason: "encrypted Word document (or an old .doc saved as .docx)" };
    return readDocx(bytes);
  }
  return undefined;
}

export function sourceFromExtracted(displayPath: string, extracted: ExtractedText, absolutePath: string, size: number, mtimeMs: number): SourceDocument {
  const lines = extracted.lines.map(normalizeSourceText);
  const title = (lines.find((line) => line.trim().length > 0) ?? path.basename(displayPath)).trim().slice(0, 200);
  return {
    path: displayPath,
    absolutePath,
    title,
    date: findDocumentDate(lines),
    lines,
    size,
    mtimeMs,
    format: extracted.format,
    ...(extracted.pages ? { pages: extracted.pages } : {}),
    ...(extracted.paragraphs ? { paragraphs: extracted.paragraphs } : {}),
  };
}
