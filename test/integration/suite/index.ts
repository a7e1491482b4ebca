// Runs inside the VS Code extension host: opens the fixture draft and waits for Grounded's warning.
import * as assert from "node:assert/strict";
import * as path from "node:path";
import * as vscode from "vscode";

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, "a workspace folder is open");
  const document = await vscode.workspace.openTextDocument(path.join(folder.uri.fsPath, "draft.md"));
  await vscode.window.showTextDocument(document);
  const deadline = Date.now() + 30_000;
  let diagnostics: readonly vscode.Diagnostic[] = [];
  while (Date.now() < deadline) {
    diagnostics = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === "grounded");
    if (diagnostics.length > 0) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const warning = diagnostics.find((d) => d.code === "contradicted");
  assert.ok(warning, "a contradicted figure is reported");
  assert.match(warning.message, /87 billion/);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", document.uri, warning.range.start);
  assert.ok(hovers.some((h) => h.contents.some((c) => (c instanceof vscode.MarkdownString ? c.value : String(c)).includes("Contradicted"))));
}
