// "Grounded: Show Draft Report": the draft report in a webview. The HTML comes from the server,
// every piece of text escaped; the page runs no script, styles carry a nonce (strict CSP),
// and the only command links it may follow are ours.
import * as vscode from "vscode";
import { randomBytes } from "node:crypto";
import type { LanguageClient } from "vscode-languageclient/node";

let panel: vscode.WebviewPanel | undefined;

export async function showDraftReport(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage("Grounded: open a draft to see its report.");
    return;
  }
  const nonce = randomBytes(16).toString("base64");
  const { html } = await client.sendRequest<{ html?: string }>("grounded/reportHtml", { uri: editor.document.uri.toString(), nonce });
  if (!html) {
    void vscode.window.showInformationMessage("Grounded: this file is not a draft Grounded checks (see grounded.languages).");
    return;
  }
  panel ??= vscode.window.createWebviewPanel("grounded.report", "Grounded: Draft Report", vscode.ViewColumn.Beside, {
    enableScripts: false,
    enableCommandUris: ["grounded.openSource"],
    localResourceRoots: [],
  });
  panel.onDidDispose(() => (panel = undefined));
  panel.webview.html = html;
  panel.reveal(vscode.ViewColumn.Beside, true);
}
