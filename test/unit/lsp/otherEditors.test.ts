// The server as Neovim, Helix or any LSP client other than our VS Code extension sees it: settings
// pushed with didChangeConfiguration, plain Markdown, commands run by the server, messages that
// never wait for an answer, and no sample corpus unless the user chose one.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { promises as fs, existsSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import type { CodeAction, CompletionItem, Diagnostic, Hover, MarkupContent, TextEdit } from "vscode-languageserver-protocol";
import { serverPath, startClient, type TestClient } from "./client.ts";

const repoRoot = path.resolve(__dirname, "..", "..", "..");
const draftText = "Korean investment in Vietnam totals $68 billion, the largest of any country.\n\nTwo-way trade reached US$";

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const messages = (client: TestClient, method: string) => client.notifications.filter((n) => n.method === method).map((n) => n.params as { type?: number; message?: string });

describe("the language server for editors other than VS Code", () => {
  let workspace: string;
  let client: TestClient;
  let draftUri: string;
  let warning: Diagnostic;

  before(async () => {
    if (!existsSync(serverPath)) execFileSync(process.execPath, [path.join(repoRoot, "esbuild.js")], { cwd: repoRoot });
    workspace = await fs.mkdtemp(path.join(os.tmpdir(), "grounded-nvim-"));
    // Sources in a folder that is not called corpus/: found only through the pushed setting.
    await fs.cp(path.join(repoRoot, "corpus"), path.join(workspace, "sources"), { recursive: true });
    await fs.writeFile(path.join(workspace, "draft.md"), draftText);
    draftUri = `file://${workspace}/draft.md`;
    // As Neovim 0.7: no workspace/configuration, settings pushed after initialisation.
    client = await startClient(workspace, {}, { vscode: false, configuration: false, showDocument: true });
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: { grounded: { corpus: ["sources"], maxFileSize: "big" } } });
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: draftUri, languageId: "markdown", version: 1, text: draftText } });
    const published = await client.diagnostics(draftUri, (p) => p.diagnostics.some((d) => d.code === "contradicted"));
    warning = published.diagnostics.find((d) => d.code === "contradicted")!;
  });
  after(async () => {
    await client?.stop();
    await fs.rm(workspace, { recursive: true, force: true });
  });

  test("Should honour settings pushed with didChangeConfiguration", () => {
    assert.match(String(warning.message), /Sources say (US)?\$87 billion \(sources\//);
  });

  test("Should report an invalid setting in a message that does not wait for an answer", async () => {
    const shown = await waitFor("the message", () => messages(client, "window/showMessage").find((m) => /grounded\.maxFileSize/.test(m.message ?? "")));
    assert.equal(shown.type, 2, "a warning");
    assert.equal(messages(client, "window/showMessageRequest").length, 0, "no prompt");
  });

  test("Should hover in plain Markdown with file: links to the source line", async () => {
    const hover = await client.connection.sendRequest<Hover>("textDocument/hover", { textDocument: { uri: draftUri }, position: warning.range.start });
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /^\*\*Contradicted by the sources\*\*/);
    assert.doesNotMatch(value, /\$\(\w+\)|command:/, "no codicon, no command link");
    assert.match(value, new RegExp(`\\]\\(file://${workspace.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/sources/\\d{3}_\\w+\\.txt#L\\d+\\)`));
  });

  test("Should open the source when the client runs the code action's command", async () => {
    const actions = await client.connection.sendRequest<CodeAction[]>("textDocument/codeAction", { textDocument: { uri: draftUri }, range: warning.range, context: { diagnostics: [warning] } });
    const open = actions.find((a) => a.title.startsWith("Open source"));
    assert.ok(open?.command, actions.map((a) => a.title).join(", "));
    await client.connection.sendRequest("workspace/executeCommand", { command: open.command.command, arguments: open.command.arguments });
    const shown = await waitFor("showDocument", () => messages(client, "window/showDocument")[0] as unknown as { uri: string; selection: { start: { line: number } } } | undefined);
    assert.match(shown.uri, /\/sources\/\d{3}_\w+\.txt$/);
    const line = (await fs.readFile(new URL(shown.uri), "utf8")).split("\n")[shown.selection.start.line] ?? "";
    assert.match(line, /87 billion/, "the line shown states the source's figure");
  });

  test("Should ignore a figure for the session when the client runs the ignore command", async () => {
    await client.connection.sendRequest("workspace/executeCommand", { command: "grounded.ignoreFigure", arguments: ["$68 billion"] });
    const cleared = await client.diagnostics(draftUri, (p) => !p.diagnostics.some((d) => d.code === "contradicted"));
    assert.equal(cleared.diagnostics.filter((d) => d.code === "contradicted").length, 0);
  });

  test("Should keep the currency the writer typed when completing an amount", async () => {
    const items = await client.connection.sendRequest<CompletionItem[]>("textDocument/completion", { textDocument: { uri: draftUri }, position: { line: 2, character: "Two-way trade reached US$".length } });
    assert.ok(items.length > 0);
    const dollars = items.filter((i) => /billion/.test(i.label) && /USD|\$/.test(i.detail ?? "") && !/KRW|won/.test(i.detail ?? ""));
    assert.ok(dollars.length > 0, items.map((i) => i.label).join(", "));
    for (const item of dollars) {
      assert.match(item.label, /^US\$\d/, `offered as the writer wrote it: ${item.label}`);
      assert.match((item.textEdit as TextEdit).newText, /^US\$\d/);
    }
  });

  test("Should complete a name with the cursor inside it, replacing the whole name", async () => {
    const text = "Pham Minh Chinh met the press.";
    await client.connection.sendNotification("textDocument/didChange", { textDocument: { uri: draftUri, version: 2 }, contentChanges: [{ text }] });
    const items = await client.connection.sendRequest<CompletionItem[]>("textDocument/completion", { textDocument: { uri: draftUri }, position: { line: 0, character: "Pham M".length } });
    const name = items.find((i) => i.label === "Pham Minh Chinh");
    assert.ok(name, items.map((i) => i.label).join(", "));
    const edit = name.textEdit as TextEdit;
    assert.deepEqual([edit.range.start.character, edit.range.end.character], [0, "Pham Minh Chinh".length]);
    const after = text.slice(0, edit.range.start.character) + edit.newText + text.slice(edit.range.end.character);
    assert.equal(after, "Pham Minh Chinh met the press.");
  });
});

describe("the language server without sources", () => {
  let workspace: string;
  let client: TestClient;

  before(async () => {
    workspace = await fs.mkdtemp(path.join(os.tmpdir(), "grounded-nosources-"));
    await fs.writeFile(path.join(workspace, "draft.md"), "Exports reached $19 billion in 2023.\n");
    client = await startClient(workspace, {}, { vscode: false });
  });
  after(async () => {
    await client?.stop();
    await fs.rm(workspace, { recursive: true, force: true });
  });

  test("Should tell the user there are no sources and how to add them, and check nothing against the sample", async () => {
    const uri = `file://${workspace}/draft.md`;
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "markdown", version: 1, text: "Korean investment in Vietnam totals $68 billion.\n" } });
    const notice = await waitFor("the notice", () => messages(client, "window/showMessage").find((m) => /no sources/.test(m.message ?? "")));
    assert.match(notice.message ?? "", /grounded\.corpus/);
    const status = await client.connection.sendRequest<{ sources: number; missing?: string }>("grounded/status");
    assert.deepEqual([status.sources, status.missing], [0, "unset"]);
    const published = await client.diagnostics(uri);
    assert.deepEqual(published.diagnostics, [], "nothing is contradicted by a sample the user never chose");
  });
});

describe("a draft in a folder that is also the corpus", () => {
  let workspace: string;
  let client: TestClient;

  before(async () => {
    workspace = await fs.mkdtemp(path.join(os.tmpdir(), "grounded-shared-"));
    await fs.writeFile(path.join(workspace, "source.txt"), "Exports of rice reached 7 million tonnes in 2023.\n");
    client = await startClient(workspace, { corpus: ["."] });
  });
  after(async () => {
    await client?.stop();
    await fs.rm(workspace, { recursive: true, force: true });
  });

  test("Should check the open draft against the other files, never against itself", async () => {
    const text = "Exports of rice reached 9 million tonnes in 2023.\n";
    await fs.writeFile(path.join(workspace, "draft.md"), text);
    const uri = `file://${workspace}/draft.md`;
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "markdown", version: 1, text } });
    const published = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === "contradicted"));
    const warning = published.diagnostics.find((d) => d.code === "contradicted")!;
    assert.match(String(warning.message), /^Sources say 7 million .*source\.txt:1\), not 9 million/);
    const status = await client.connection.sendRequest<{ sources: number }>("grounded/status");
    assert.equal(status.sources, 1, "the open draft is not a source");
  });
});

describe("plain Markdown from untrusted text", () => {
  const hostile = 'See [click](command:workbench.action.terminal.new) ![x](http://e.vil/x.png) <img src=x onerror=alert(1)> `code` *x* _y_ $87 billion';

  test("Should escape what could make a link, HTML, code or emphasis, and leave the rest readable", async () => {
    const { escapeMarkdown, sentenceWithFigure } = await import("../../../src/server/markdown.ts");
    const shown = sentenceWithFigure(hostile, "$87 billion", "plain");
    assert.ok(!/[^\\][[<`*]/.test(shown.replace(/\*\*\$87 billion\*\*/, "")), `nothing unescaped: ${shown}`);
    assert.match(shown, /\*\*\$87 billion\*\*$/, "amounts keep their $ unescaped");
    assert.equal(escapeMarkdown("sources/001_10a.txt:3 (US$5)", "plain"), "sources/001_10a.txt:3 (US$5)");
    assert.equal(escapeMarkdown("# Title", "plain", true), "\\# Title");
  });
});

describe("the README's Helix configuration", () => {
  let workspace: string;
  let client: TestClient;

  after(async () => {
    await client?.stop();
    if (workspace) await fs.rm(workspace, { recursive: true, force: true });
  });

  test("Should start the server and find the sources its config names, as Helix passes them", async () => {
    const readme = await fs.readFile(path.join(repoRoot, "README.md"), "utf8");
    const toml = /```toml\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
    assert.match(toml, /^command = "grounded"\nargs = \["lsp", "--stdio"\]$/m);
    // Helix answers workspace/configuration from `config` by section ("grounded"), and sends it as initializationOptions.
    const corpus = /^config = \{ grounded = \{ corpus = \[([^\]]*)\] \} \}$/m.exec(toml)?.[1];
    assert.ok(corpus, "the README's config line");
    const folders = [...corpus.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
    workspace = await fs.mkdtemp(path.join(os.tmpdir(), "grounded-helix-"));
    await fs.cp(path.join(repoRoot, "corpus"), path.join(workspace, folders[0]!), { recursive: true });
    client = await startClient(workspace, { corpus: folders }, { vscode: false });
    const uri = `file://${workspace}/draft.md`;
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "markdown", version: 1, text: "Korean investment in Vietnam totals $68 billion.\n" } });
    const published = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.match(String(published.diagnostics[0]?.message), new RegExp(`Sources say (US)?\\$87 billion \\(${folders[0]}/`));
  });
});
