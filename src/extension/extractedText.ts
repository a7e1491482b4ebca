// The read-only view of a PDF or Word source's extracted text. VS Code has no PDF viewer of its
// own, so "open the source at this line" shows the text Grounded indexed, page breaks marked, at
// the cited line. The text comes from the language server, which extracted it while indexing.
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { SourceTextRequest, type SourceTextResult } from "../server/protocol.js";
import { isExtractedSource, viewLineOf } from "../core/sources/extractedView.js";

export const EXTRACTED_SCHEME = "grounded-extracted";

export class ExtractedTextProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** Views by the source's file URI, until the next index. */
  private readonly views = new Map<string, Promise<SourceTextResult>>();

  constructor(private readonly client: LanguageClient) {}

  private viewOf(fileUri: vscode.Uri): Promise<SourceTextResult> {
    const key = fileUri.toString();
    let view = this.views.get(key);
    if (!view) {
      view = Promise.resolve(this.client.sendRequest<SourceTextResult>(SourceTextRequest, { uri: key })).catch((): SourceTextResult => ({}));
      this.views.set(key, view);
    }
    return view;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const view = await this.viewOf(uri.with({ scheme: "file" }));
    return view.text ?? "Grounded has no extracted text for this file: it is not a source of the index, or the index is still being built.";
  }

  /** Where a cited line of a PDF or Word source shows in its view; undefined for other files. */
  async locate(fileUri: vscode.Uri, line: number): Promise<{ uri: vscode.Uri; line: number } | undefined> {
    if (fileUri.scheme !== "file" || !isExtractedSource(fileUri.path)) return undefined;
    const view = await this.viewOf(fileUri);
    return { uri: fileUri.with({ scheme: EXTRACTED_SCHEME }), line: viewLineOf(view.pageStarts ?? [], line) };
  }

  /** A new index may have read the files again: open views are reloaded. */
  refresh(): void {
    this.views.clear();
    for (const document of vscode.workspace.textDocuments) if (document.uri.scheme === EXTRACTED_SCHEME) this.changed.fire(document.uri);
  }
}

let provider: ExtractedTextProvider | undefined;

export function registerExtractedText(client: LanguageClient): vscode.Disposable & { provider: ExtractedTextProvider } {
  provider = new ExtractedTextProvider(client);
  const registration = vscode.workspace.registerTextDocumentContentProvider(EXTRACTED_SCHEME, provider);
  return { provider, dispose: () => registration.dispose() };
}

/** Where to open a cited source line: the extracted-text view for PDF and Word sources. */
export async function extractedLocation(fileUri: vscode.Uri, line: number): Promise<{ uri: vscode.Uri; line: number } | undefined> {
  return provider?.locate(fileUri, line);
}

/** The latest diagnostics per draft: redirecting them waits for the server, and an older set must not land last. */
const latestDiagnostics = new Map<string, number>();
let diagnosticsSent = 0;

/**
 * Diagnostics of a draft with each related location in a PDF or Word source moved to its line in
 * the extracted-text view (VS Code would otherwise open the binary file), handed on unless a newer
 * set for the same draft came first.
 */
export function redirectDiagnostics(uri: vscode.Uri, diagnostics: vscode.Diagnostic[], next: (uri: vscode.Uri, diagnostics: vscode.Diagnostic[]) => void): void {
  const needed = diagnostics.some((d) => d.relatedInformation?.some((r) => isExtractedSource(r.location.uri.path)));
  const mine = ++diagnosticsSent;
  latestDiagnostics.set(uri.toString(), mine);
  if (!needed) return next(uri, diagnostics);
  void (async () => {
    for (const diagnostic of diagnostics) {
      for (const related of diagnostic.relatedInformation ?? []) {
        const { range } = related.location;
        const moved = await extractedLocation(related.location.uri, range.start.line);
        if (moved) related.location = new vscode.Location(moved.uri, new vscode.Range(moved.line, range.start.character, moved.line, range.end.character));
      }
    }
    if (latestDiagnostics.get(uri.toString()) === mine) next(uri, diagnostics);
  })();
}
