// The Grounded Sources view in the Explorer: each source with its figures by kind and its names;
// skipped files greyed with the reason. Built from the server's grounded/sources answer.
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { sourceTree, type SourceNode, type SourcesPayload } from "./viewModels.js";

export class SourcesView implements vscode.TreeDataProvider<SourceNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private payload: SourcesPayload | undefined;
  private filter = "";

  constructor(private readonly client: LanguageClient) {}

  async refresh(): Promise<void> {
    this.payload = await this.client.sendRequest<SourcesPayload>("grounded/sources");
    this.changed.fire();
  }

  async askFilter(): Promise<void> {
    const value = await vscode.window.showInputBox({ title: "Filter Grounded sources", value: this.filter, placeHolder: "words, figures or names" });
    if (value === undefined) return;
    this.filter = value;
    void vscode.commands.executeCommand("setContext", "grounded.sourcesFiltered", value.length > 0);
    this.changed.fire();
  }

  async getChildren(node?: SourceNode): Promise<SourceNode[]> {
    if (node) return node.children;
    // The first time the view is shown, ask the server rather than wait for the next index.
    this.payload ??= await this.client.sendRequest<SourcesPayload>("grounded/sources").catch(() => undefined);
    return this.payload ? sourceTree(this.payload, this.filter) : [];
  }

  getTreeItem(node: SourceNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, node.children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.description = node.description;
    item.tooltip = node.tooltip;
    if (node.skipped) {
      item.iconPath = new vscode.ThemeIcon("circle-slash", new vscode.ThemeColor("disabledForeground"));
      item.contextValue = "skipped";
    } else if (node.open) {
      item.command = { title: "Open source", command: "grounded.openSource", arguments: [node.open.uri, node.open.line] };
      item.contextValue = node.children.length && node.open.line === 0 ? "source" : "fact";
      item.resourceUri = node.open.line === 0 && node.children.length ? vscode.Uri.parse(node.open.uri) : undefined;
    }
    return item;
  }
}
