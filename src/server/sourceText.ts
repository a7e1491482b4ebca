// The server side of opening a PDF or Word source: its extracted text, as the index has it,
// for the client's read-only view (VS Code cannot show the file itself at a line).
import { fileURLToPath } from "node:url";
import type { CorpusIndex } from "../core/corpusIndex.js";
import { extractedView } from "../core/sources/extractedView.js";
import type { SourceTextParams, SourceTextResult } from "./protocol.js";

export function sourceText(index: CorpusIndex | undefined, params: SourceTextParams | undefined): SourceTextResult {
  if (!index || typeof params?.uri !== "string" || !params.uri.startsWith("file:")) return {};
  let absolutePath: string;
  try {
    absolutePath = fileURLToPath(params.uri);
  } catch {
    return {};
  }
  // Only a source of the index: the request must not read any other file.
  const document = index.documents.find((d) => d.format !== undefined && d.absolutePath === absolutePath);
  return document ? extractedView(document) : {};
}
