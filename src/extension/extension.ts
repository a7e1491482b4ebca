// The thin VS Code client: starts the Grounded language server and adds the commands and
// views that need VS Code's UI. Everything that computes lives in the server.
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { StatusNotification, type StatusParams } from "../server/protocol.js";
import { GroundedStatusBar } from "./statusBar.js";
import { openSourceAt, searchSources } from "./searchQuickPick.js";
import { showDraftReport } from "./reportView.js";
import { showFactSheet } from "./factSheet.js";
import { SourcesView } from "./sourcesView.js";
import { redirectDiagnostics, registerExtractedText } from "./extractedText.js";
import { chooseSourceFolder, NoSourcesNotice, openSample } from "./onboarding.js";

let client: LanguageClient | undefined;

const TRUSTED_COMMANDS = ["grounded.openSource"];
const ARCHIVE_PASSWORD_KEY = "grounded.archivePassword";

function draftSelector(): Array<{ language: string; scheme: string }> {
  const languages = vscode.workspace.getConfiguration("grounded").get<unknown>("languages");
  const list = Array.isArray(languages) && languages.every((l) => typeof l === "string") ? (languages as string[]) : ["markdown", "plaintext"];
  return list.flatMap((language) => [{ language, scheme: "file" }, { language, scheme: "untitled" }]);
}

/** Our hovers link only to our own command; the Markdown is otherwise untrusted. */
function trustOurCommandOnly(hover: vscode.Hover | null | undefined): vscode.Hover | null | undefined {
  if (!hover) return hover;
  for (const content of hover.contents) {
    if (content instanceof vscode.MarkdownString) {
      content.isTrusted = { enabledCommands: TRUSTED_COMMANDS };
      content.supportThemeIcons = true;
      content.supportHtml = false;
    }
  }
  return hover;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel("Grounded", { log: true });
  const statusBar = new GroundedStatusBar();
  context.subscriptions.push(output, statusBar);

  // The archive's password lives in SecretStorage, never in settings.json.
  const archivePassword = await context.secrets.get(ARCHIVE_PASSWORD_KEY);
  const module = context.asAbsolutePath("dist/server.js");
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6019"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: draftSelector(),
    outputChannel: output,
    initializationOptions: { editor: "vscode", trusted: vscode.workspace.isTrusted, cacheDir: context.storageUri?.fsPath ?? context.globalStorageUri.fsPath, ...(archivePassword ? { archivePassword } : {}) },
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/*.{txt,md,markdown,html,htm,pdf,docx}") },
    middleware: {
      provideHover: async (document, position, token, next) => trustOurCommandOnly(await next(document, position, token)),
      handleDiagnostics: redirectDiagnostics,
    },
  };
  client = new LanguageClient("grounded", "Grounded", serverOptions, clientOptions);
  const languageClient = client;

  context.subscriptions.push(
    vscode.commands.registerCommand("grounded.setArchivePassword", async () => {
      const password = await vscode.window.showInputBox({ password: true, prompt: "Password for the archive in grounded.archive (kept in VS Code's secret storage)" });
      if (password === undefined) return;
      await context.secrets.store(ARCHIVE_PASSWORD_KEY, password);
      void vscode.window.showInformationMessage("Grounded: archive password saved; reload the window to connect with it.");
    }),
    vscode.commands.registerCommand("grounded.openSource", async (uri: unknown, line: unknown) => {
      // Arguments arrive from hover links: accept only a file URI and a line number.
      if (typeof uri !== "string" || !/^file:/.test(uri) || typeof line !== "number" || !Number.isInteger(line)) return;
      await openSourceAt(uri, line);
    }),
    vscode.commands.registerCommand("grounded.searchSources", () => searchSources(languageClient)),
    vscode.commands.registerCommand("grounded.checkDocument", async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document) return;
      const result = await languageClient.sendRequest<{ contradictions?: number }>("grounded/check", { uri: document.uri.toString() });
      if (result.contradictions === undefined) void vscode.window.showInformationMessage("Grounded: this file is not a draft Grounded checks (see grounded.languages).");
      else void vscode.commands.executeCommand("workbench.actions.view.problems");
    }),
    vscode.commands.registerCommand("grounded.checkWorkspace", async () => {
      const files = await vscode.workspace.findFiles("**/*.{md,markdown,txt}", "{**/node_modules/**,**/corpus/**,**/.git/**}", 500);
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: "Grounded: checking drafts", cancellable: true }, async (progress, token) => {
        for (const [i, file] of files.entries()) {
          if (token.isCancellationRequested) break;
          progress.report({ message: `${i + 1}/${files.length}`, increment: 100 / files.length });
          await vscode.workspace.openTextDocument(file);
        }
      });
      void vscode.commands.executeCommand("workbench.actions.view.problems");
    }),
    vscode.commands.registerCommand("grounded.reindex", async () => {
      const result = await languageClient.sendRequest<{ sources: number }>("grounded/reindex");
      void vscode.window.showInformationMessage(`Grounded: indexed ${result.sources} sources.`);
    }),
    vscode.commands.registerCommand("grounded.showOutput", () => output.show(true)),
    vscode.commands.registerCommand("grounded.chooseSourceFolder", () => chooseSourceFolder()),
    vscode.commands.registerCommand("grounded.openSample", () => openSample(context)),
    vscode.commands.registerCommand("grounded.showDraftReport", () => showDraftReport(languageClient)),
    vscode.commands.registerCommand("grounded.ignoreFigure", async (figure: unknown) => {
      if (typeof figure !== "string" || figure.length > 200) return;
      const config = vscode.workspace.getConfiguration("grounded");
      const ignore = config.get<string[]>("ignore") ?? [];
      if (!ignore.includes(figure)) await config.update("ignore", [...ignore, figure], vscode.ConfigurationTarget.Workspace);
    }),
    vscode.window.onDidChangeActiveTextEditor(() => statusBar.render()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void languageClient.restart()),
  );

  const extractedText = registerExtractedText(languageClient);
  context.subscriptions.push(extractedText);
  const sourcesView = new SourcesView(languageClient);
  context.subscriptions.push(
    vscode.window.registerTreeDataProvider("grounded.sources", sourcesView),
    vscode.commands.registerCommand("grounded.showFactSheet", () => showFactSheet(context, languageClient)),
    vscode.commands.registerCommand("grounded.filterSources", () => sourcesView.askFilter()),
    vscode.commands.registerCommand("grounded.refreshSources", () => sourcesView.refresh()),
    vscode.commands.registerCommand("grounded.searchInSources", (node?: { label?: string }) => searchSources(languageClient, typeof node?.label === "string" ? node.label : undefined)),
    vscode.commands.registerCommand("grounded.excludeFromCorpus", async (node?: { tooltip?: string }) => {
      const source = typeof node?.tooltip === "string" ? node.tooltip.split("\n")[0] : undefined;
      if (!source) return;
      const config = vscode.workspace.getConfiguration("grounded");
      const exclude = config.get<string[]>("exclude") ?? [];
      const pattern = `**/${source.split("/").pop()}`;
      if (!exclude.includes(pattern)) await config.update("exclude", [...exclude, pattern], vscode.ConfigurationTarget.Workspace);
    }),
  );
  let wasIndexing = true;
  const notice = new NoSourcesNotice(context);
  languageClient.onNotification(StatusNotification, (status: StatusParams) => {
    statusBar.update(status);
    notice.update(status);
    // Refresh the tree when an index build finishes.
    if (wasIndexing && !status.indexing) {
      void sourcesView.refresh();
      extractedText.provider.refresh();
    }
    wasIndexing = status.indexing;
  });
  await languageClient.start();
  context.subscriptions.push({ dispose: () => void languageClient.stop() });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
