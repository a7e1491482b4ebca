// Quick fixes for a Grounded diagnostic: use the source's value, cite it, ignore it here, open it.
import { CodeActionKind, type CodeAction, type Diagnostic } from "vscode-languageserver";
import type { DraftDocument } from "../documentCache.js";
import { citeLocation, IGNORE_MARKER } from "../../core/index.js";
import type { DiagnosticData } from "./diagnostics.js";
import { OPEN_SOURCE_COMMAND, type MarkupFlavour } from "../markdown.js";

export const IGNORE_COMMAND = "grounded.ignoreFigure";

function isOurs(diagnostic: Diagnostic): diagnostic is Diagnostic & { data: DiagnosticData } {
  return diagnostic.source === "grounded" && typeof diagnostic.data === "object" && diagnostic.data !== null;
}

export class CodeActionProvider {
  /** `flavour`: in VS Code, ignoring adds to the settings; elsewhere the server ignores it for the session. */
  constructor(private readonly flavour: () => MarkupFlavour = () => "vscode") {}

  provideCodeActions(document: DraftDocument & { languageId?: string }, diagnostics: readonly Diagnostic[]): CodeAction[] {
    const actions: CodeAction[] = [];
    const lines = document.getText().split(/\r\n|\r|\n/);
    for (const diagnostic of diagnostics.filter(isOurs)) {
      const { data } = diagnostic;
      const first = data.sources[0];
      if (data.suggestion && diagnostic.code === "contradicted") {
        actions.push({
          title: `Use the source's value (${data.suggestion})`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: { changes: { [document.uri]: [{ range: diagnostic.range, newText: data.suggestion }] } },
        });
      }
      if (first) {
        actions.push({
          title: `Insert citation (${citeLocation(first)})`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: { changes: { [document.uri]: [{ range: { start: diagnostic.range.end, end: diagnostic.range.end }, newText: ` (${citeLocation(first)})` }] } },
        });
      }
      const line = diagnostic.range.start.line;
      if (document.languageId === "markdown" || document.uri.endsWith(".md")) {
        const end = { line, character: lines[line]?.length ?? 0 };
        actions.push({
          title: "Ignore this figure here",
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: { changes: { [document.uri]: [{ range: { start: end, end }, newText: ` <!-- ${IGNORE_MARKER} -->` }] } },
        });
      } else {
        actions.push({
          title: this.flavour() === "vscode" ? `Ignore "${data.claimText}" (add to grounded.ignore)` : `Ignore "${data.claimText}" for this session`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: "Ignore figure", command: IGNORE_COMMAND, arguments: [data.claimText] },
        });
      }
      if (first?.uri) {
        actions.push({
          title: `Open source (${citeLocation(first)})`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: "Open source", command: OPEN_SOURCE_COMMAND, arguments: [first.uri, first.line] },
        });
      }
    }
    return actions;
  }
}
