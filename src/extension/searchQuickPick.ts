// "Grounded: Search Sources": a QuickPick that ranks source sentences as you type,
// previews the active one and opens the chosen one at its line.
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { SearchRequest, type SearchResultItem } from "../server/protocol.js";
import { quickPickText } from "./quickPickText.js";
import { extractedLocation } from "./extractedText.js";
import { citeLocation } from "../core/sources/citation.js";

interface HitItem extends vscode.QuickPickItem {
  hit: SearchResultItem;
}


/** The selection, or the word under the cursor, to start the search with. */
export function initialQuery(): string {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return "";
  const selected = editor.document.getText(editor.selection).trim();
  if (selected) return selected.slice(0, 200);
  const word = editor.document.getWordRangeAtPosition(editor.selection.active);
  return word ? editor.document.getText(word) : "";
}

export async function openSourceAt(uri: string, line: number, preview = false): Promise<void> {
  // A PDF or Word source opens as its extracted text.
  const target = (await extractedLocation(vscode.Uri.parse(uri), line)) ?? { uri: vscode.Uri.parse(uri), line };
  const document = await vscode.workspace.openTextDocument(target.uri);
  const position = new vscode.Position(Math.max(0, target.line), 0);
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position), preview, preserveFocus: preview, viewColumn: vscode.ViewColumn.Active });
}

export async function searchSources(client: LanguageClient, query = initialQuery()): Promise<void> {
  const pick = vscode.window.createQuickPick<HitItem>();
  pick.title = "Grounded: Search Sources";
  pick.placeholder = "Search the source documents (ranked); Enter opens the sentence at its line";
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.value = query;
  let request = 0;
  const run = async (value: string) => {
    const mine = ++request;
    if (!value.trim()) {
      pick.items = [];
      return;
    }
    pick.busy = true;
    try {
      const hits = await client.sendRequest<SearchResultItem[]>(SearchRequest, { query: value, limit: 50 });
      if (mine !== request) return;
      // The server ranked them; keep that order whatever the QuickPick's own filter thinks.
      pick.items = hits.map((hit) => ({ label: quickPickText(hit.text), description: citeLocation(hit), hit, alwaysShow: true }));
    } finally {
      if (mine === request) pick.busy = false;
    }
  };
  pick.onDidChangeValue((value) => void run(value));
  pick.onDidChangeActive((items) => {
    const item = items[0];
    if (item) void openSourceAt(item.hit.uri, item.hit.line, true);
  });
  pick.onDidAccept(() => {
    const item = pick.selectedItems[0] ?? pick.activeItems[0];
    pick.hide();
    if (item) void openSourceAt(item.hit.uri, item.hit.line);
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
  await run(query);
}
