// The server side of opening a PDF or Word source: its extracted text, as the index has it,
// for the client's read-only view (VS Code cannot show the file itself at a line).
import { fileURLToPath } from "node:url";
import { type CorpusIndex, extractedView, type SourceDocument } from "../core/index.js";
import type { SourceTextParams, SourceTextResult } from "./protocol.js";

/** The PDF or Word source of the index at a file: URI, if it is one. */
function extractedSource(index: CorpusIndex | undefined, uri: unknown): SourceDocument | undefined {
  if (!index || typeof uri !== "string" || !uri.startsWith("file:")) return undefined;
  let absolutePath: string;
  try {
    absolutePath = fileURLToPath(uri);
  } catch {
    return undefined;
  }
  // Only a source of the index: a request must not read any other file.
  return index.documents.find((d) => d.format !== undefined && d.absolutePath === absolutePath);
}

/** For a PDF or Word source: the page of a line (0 for a Word file, which has none); undefined for other files. */
export function extractedPage(index: CorpusIndex | undefined, uri: unknown, line: number): number | undefined {
  const document = extractedSource(index, uri);
  return document ? (document.pages?.[line] ?? 0) : undefined;
}

export function sourceText(index: CorpusIndex | undefined, params: SourceTextParams | undefined): SourceTextResult {
  const document = extractedSource(index, params?.uri);
  return document ? extractedView(document) : {};
}
