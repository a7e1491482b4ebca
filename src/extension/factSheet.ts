// "Grounded: Show Fact Sheet": every figure of the corpus in a sortable, filterable table, with the
// sources' disagreements on top. Strict CSP with a nonce; messages validated before use.
import * as vscode from "vscode";
import { randomBytes } from "node:crypto";
import type { LanguageClient } from "vscode-languageclient/node";
import { factSheetHtml, parseFactSheetMessage, type DisagreementRow, type FactRow } from "./viewModels.js";
import { openSourceAt } from "./searchQuickPick.js";

let panel: vscode.WebviewPanel | undefined;

export async function showFactSheet(context: vscode.ExtensionContext, client: LanguageClient): Promise<void> {
  const [facts, disagreements] = await Promise.all([
    client.sendRequest<FactRow[]>("grounded/facts", {}),
    client.sendRequest<DisagreementRow[]>("grounded/disagreements"),
  ]);
  const media = vscode.Uri.joinPath(context.extensionUri, "media");
  if (!panel) {
    panel = vscode.window.createWebviewPanel("grounded.factSheet", "Grounded: Fact Sheet", vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [media],
      retainContextWhenHidden: false,
    });
    panel.onDidDispose(() => (panel = undefined));
    panel.webview.onDidReceiveMessage((raw: unknown) => {
      const message = parseFactSheetMessage(raw);
      if (message?.type === "open") void openSourceAt(message.uri, message.line);
    });
  }
  const webview = panel.webview;
  // Amounts first: they are what a writer most often cites.
  const order = ["money", "percent", "rank", "date", "count"];
  const rows = facts.filter((f) => f.kind !== "name").sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  webview.html = factSheetHtml(
    rows,
    disagreements,
    {
      nonce: randomBytes(16).toString("base64"),
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, "factSheet.js")).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, "factSheet.css")).toString(),
    },
  );
  panel.reveal();
}
