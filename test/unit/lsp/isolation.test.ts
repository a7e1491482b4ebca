// A fault in one paragraph or one request costs only that: the server keeps the other paragraphs'
// warnings, answers the failed request with nothing, logs the fault once and goes on serving.
// The fault is injected (../helpers/injectFault.cjs): the engine throws on any text with a snowman.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { promises as fs, existsSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import type { Diagnostic, Hover } from "vscode-languageserver-protocol";
import { serverPath, startClient, type TestClient } from "./client.ts";

const repoRoot = path.resolve(__dirname, "..", "..", "..");
const faultyParagraph = "The \u2603 fund was $5 billion in 2023.";
const draftText = ["# Notes", "", "Korean investment in Vietnam totals $68 billion, the largest of any country.", "", faultyParagraph, ""].join("\n");

describe("the language server when the engine fails on part of a draft", () => {
  let workspace: string;
  let client: TestClient;
  let draftUri: string;
  const logged = (pattern: RegExp) =>
    client.notifications.filter((n) => n.method === "window/logMessage" && pattern.test((n.params as { message: string }).message)).length;
  const contradicted = (d: Diagnostic) => d.code === "contradicted";

  before(async () => {
    if (!existsSync(serverPath)) execFileSync(process.execPath, [path.join(repoRoot, "esbuild.js")], { cwd: repoRoot });
    workspace = await fs.mkdtemp(path.join(os.tmpdir(), "grounded-lsp-fault-"));
    await fs.cp(path.join(repoRoot, "corpus"), path.join(workspace, "corpus"), { recursive: true });
    draftUri = `file://${workspace}/draft.md`;
    client = await startClient(workspace, {}, { nodeArgs: ["--require", path.join(__dirname, "..", "helpers", "injectFault.cjs")] });
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: draftUri, languageId: "markdown", version: 1, text: draftText } });
  });

  after(async () => {
    await client?.stop();
    await fs.rm(workspace, { recursive: true, force: true });
  });

  test("Should keep the other paragraphs' warnings and log the failed paragraph once", async () => {
    const published = await client.diagnostics(draftUri, (p) => p.diagnostics.some(contradicted));
    assert.ok(published.diagnostics.some((d) => d.range.start.line === 2 && contradicted(d)), JSON.stringify(published.diagnostics));
    // Two more edits (one above the faulty paragraph, one to it): the fault is not reported again.
    for (const [version, text] of [[2, `Intro.\n\n${draftText}`], [3, `Intro.\n\n${draftText.replace("$5 billion", "$6 billion")}`]] as const) {
      await client.connection.sendNotification("textDocument/didChange", { textDocument: { uri: draftUri, version }, contentChanges: [{ text }] });
      const again = await client.diagnostics(draftUri, (p) => p.version === version);
      assert.ok(again.diagnostics.some((d) => d.range.start.line === 4 && contradicted(d)), JSON.stringify(again.diagnostics));
    }
    assert.equal(logged(/Checking a paragraph failed: injected fault/), 1);
    assert.equal(logged(/Checking .* failed/), 1, "the document as a whole was checked");
  });

  test("Should answer a failing search with nothing, log it once, and go on serving hovers", async () => {
    for (let i = 0; i < 2; i++) {
      const hits = await client.connection.sendRequest("grounded/search", { query: "\u2603 fund" });
      assert.deepEqual(hits, []);
    }
    assert.equal(logged(/Search failed: injected fault/), 1);
    const hover = (await client.connection.sendRequest("textDocument/hover", { textDocument: { uri: draftUri }, position: { line: 4, character: 40 } })) as Hover | null;
    assert.match(JSON.stringify(hover?.contents ?? ""), /87 billion/);
  });

  test("Should answer hover and completion on the faulty paragraph without an error response", async () => {
    const position = { line: 6, character: 8 };
    await client.connection.sendRequest("textDocument/hover", { textDocument: { uri: draftUri }, position });
    await client.connection.sendRequest("textDocument/completion", { textDocument: { uri: draftUri }, position });
    const status = await client.connection.sendRequest("grounded/status");
    assert.ok(status, "the server still answers");
  });
});
