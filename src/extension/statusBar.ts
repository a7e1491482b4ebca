// The status bar item: "$(book) 5 sources · 2 contradictions" for the active draft; opens search.
// Without sources: "Grounded: no sources", which opens the folder picker.
import * as vscode from "vscode";
import type { StatusParams } from "../server/protocol.js";

export class GroundedStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("grounded.status", vscode.StatusBarAlignment.Right, 100);
  private status: StatusParams | undefined;

  constructor() {
    this.item.name = "Grounded";
    this.item.command = "grounded.searchSources";
    this.item.text = "$(sync~spin) Grounded";
    this.item.tooltip = "Grounded is starting";
    this.item.show();
  }

  update(status: StatusParams): void {
    this.status = status;
    this.render();
  }

  render(): void {
    const status = this.status;
    if (!status) return;
    if (status.indexing) {
      this.item.text = "$(sync~spin) Indexing sources…";
      this.item.tooltip = "Grounded is indexing the sources";
      return;
    }
    if (status.missing) {
      // No sources: say so, and make the item the way to add them.
      const untrusted = status.missing === "untrusted";
      this.item.text = untrusted ? "$(shield) Grounded: untrusted" : "$(warning) Grounded: no sources";
      this.item.tooltip = untrusted ? "Grounded reads no file of an untrusted workspace. Click to manage workspace trust." : "Grounded has no sources to check against. Click to choose the folder of your source documents.";
      this.item.command = untrusted ? "workbench.trust.manage" : "grounded.chooseSourceFolder";
      this.item.backgroundColor = new vscode.ThemeColor("statusBarItem.warningBackground");
      return;
    }
    this.item.command = "grounded.searchSources";
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const contradictions = uri ? status.contradictions[uri] : undefined;
    const sources = `${status.sources} source${status.sources === 1 ? "" : "s"}`;
    this.item.text = contradictions === undefined ? `$(book) ${sources}` : `$(book) ${sources} · ${contradictions} contradiction${contradictions === 1 ? "" : "s"}`;
    const skipped = status.skipped.length ? `\n${status.skipped.length} file(s) skipped: see Grounded: Show Output` : "";
    this.item.tooltip = `Grounded: ${sources} indexed${skipped}\nClick to search the sources`;
    this.item.backgroundColor = contradictions ? new vscode.ThemeColor("statusBarItem.warningBackground") : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
