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
    // The shared archive, when one is set: connected, or unreachable (then only local folders count).
    const archive = status.archive === "connected" ? " + $(database) archive" : status.archive === "unreachable" ? " · $(database) archive unreachable" : "";
    this.item.text = (contradictions === undefined ? `$(book) ${sources}` : `$(book) ${sources} · ${contradictions} contradiction${contradictions === 1 ? "" : "s"}`) + archive;
    const skipped = status.skipped.length ? `\n${status.skipped.length} file(s) skipped: see Grounded: Show Output` : "";
    const archiveLine = status.archive === "connected" ? "\nArchive connected: drafts are checked against it too" : status.archive === "unreachable" ? "\nArchive unreachable: checking against local folders only" : "";
    this.item.tooltip = `Grounded: ${sources} indexed${skipped}${archiveLine}\nClick to search the sources`;
    this.item.backgroundColor = contradictions ? new vscode.ThemeColor("statusBarItem.warningBackground") : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
