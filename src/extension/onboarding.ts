// First contact: without sources Grounded says so (status bar and one notification) and offers to
// choose the source folder (it sets grounded.corpus) or to open the sample workspace. The bundled
// sample is only ever used when the user opens it.
import * as vscode from "vscode";
import * as path from "node:path";
import type { StatusParams } from "../server/protocol.js";

const CHOOSE = "Choose Source Folder…";
const SAMPLE = "Open the Sample";
const TRUST = "Manage Workspace Trust";
const NEVER = "Don't Show Again";
const SILENCED_KEY = "grounded.noSourcesNoticeSilenced";

/** grounded.corpus entries for the chosen folders: relative to the workspace folder when inside it. */
export function corpusEntries(folders: readonly string[], workspaceFolder: string | undefined): string[] {
  return folders.map((folder) => {
    if (!workspaceFolder) return folder;
    const relative = path.relative(workspaceFolder, folder);
    if (relative === "") return ".";
    return relative.startsWith("..") || path.isAbsolute(relative) ? folder : relative.split(path.sep).join("/");
  });
}

/** Asks for the folder(s) of source documents and writes them to grounded.corpus. */
export async function chooseSourceFolder(): Promise<boolean> {
  const workspaceFolder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: true,
    openLabel: "Use as Sources",
    title: "Grounded: the folder of your source documents",
    ...(workspaceFolder ? { defaultUri: workspaceFolder } : {}),
  });
  if (!picked?.length) return false;
  const entries = corpusEntries(picked.map((uri) => uri.fsPath), workspaceFolder?.fsPath);
  const target = workspaceFolder ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration("grounded").update("corpus", entries, target);
  void vscode.window.showInformationMessage(`Grounded: sources from ${entries.join(", ")}.`);
  return true;
}

/**
 * Opens a sample workspace: the bundled articles as corpus/ and an example draft with mistakes,
 * copied to the extension's storage so the user may edit them freely.
 */
export async function openSample(context: vscode.ExtensionContext): Promise<void> {
  const target = vscode.Uri.joinPath(context.globalStorageUri, "sample");
  await vscode.workspace.fs.copy(vscode.Uri.joinPath(context.extensionUri, "corpus"), vscode.Uri.joinPath(target, "corpus"), { overwrite: true });
  await vscode.workspace.fs.copy(vscode.Uri.joinPath(context.extensionUri, "examples", "report.md"), vscode.Uri.joinPath(target, "report.md"), { overwrite: true });
  await vscode.commands.executeCommand("vscode.openFolder", target, { forceReuseWindow: true });
}

/** Shows "no sources" once per workspace (until the user silences it) with the ways to add them. */
export class NoSourcesNotice {
  private shown = false;

  constructor(private readonly context: vscode.ExtensionContext) {}

  update(status: StatusParams): void {
    if (!status.missing || status.indexing || this.shown || this.context.workspaceState.get<boolean>(SILENCED_KEY)) return;
    this.shown = true;
    void this.show(status.missing);
  }

  private async show(missing: NonNullable<StatusParams["missing"]>): Promise<void> {
    if (missing === "untrusted") {
      const choice = await vscode.window.showWarningMessage("Grounded reads no file of an untrusted workspace, so it has no sources to check your drafts against.", TRUST);
      if (choice === TRUST) await vscode.commands.executeCommand("workbench.trust.manage");
      return;
    }
    const choice = await vscode.window.showWarningMessage(
      "Grounded has no sources to check your drafts against. Choose the folder of your source documents (or add a corpus/ folder to the workspace).",
      CHOOSE,
      SAMPLE,
      NEVER,
    );
    if (choice === CHOOSE) await chooseSourceFolder();
    else if (choice === SAMPLE) await vscode.commands.executeCommand("grounded.openSample");
    else if (choice === NEVER) await this.context.workspaceState.update(SILENCED_KEY, true);
  }
}
