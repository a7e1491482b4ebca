// Speaks real LSP over stdio to the built server (dist/server.js, built by `npm test`).
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { promises as fs, existsSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import type { CompletionItem, Hover, CodeAction, Diagnostic, MarkupContent } from "vscode-languageserver-protocol";
import { serverPath, startClient, type TestClient } from "./client.ts";

const repoRoot = path.resolve(__dirname, "..", "..", "..");
const draftText = [
  "# Notes",
  "",
  "Korean investment in Vietnam totals $68 billion, the largest of any country.",
  "",
  "President Pham Minh Chinh met Speaker Woo Won-shik on July 2.",
  "",
  "Bilateral trade was nearly $80 billion in 2023.",
  "",
].join("\n");

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

describe("the language server over stdio", () => {
  let workspace: string;
  let client: TestClient;
  let draftUri: string;

  before(async () => {
    if (!existsSync(serverPath)) execFileSync(process.execPath, [path.join(repoRoot, "esbuild.js")], { cwd: repoRoot });
    workspace = await fs.mkdtemp(path.join(os.tmpdir(), "grounded-lsp-"));
    await fs.cp(path.join(repoRoot, "corpus"), path.join(workspace, "corpus"), { recursive: true });
    await fs.writeFile(path.join(workspace, "draft.md"), draftText);
    draftUri = `file://${workspace}/draft.md`;
    client = await startClient(workspace);
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: draftUri, languageId: "markdown", version: 1, text: draftText } });
  });

  after(async () => {
    await client?.stop();
    await fs.rm(workspace, { recursive: true, force: true });
  });

  const contradicted = (d: Diagnostic) => d.code === "contradicted";

  test("Should publish a warning on a contradicted figure naming the source value and line", async () => {
    const published = await client.diagnostics(draftUri, (p) => p.diagnostics.some(contradicted));
    const warning = published.diagnostics.find((d) => d.range.start.line === 2 && contradicted(d));
    assert.ok(warning, JSON.stringify(published.diagnostics));
    assert.equal(warning.severity, 2);
    assert.equal(warning.source, "grounded");
    assert.match(String(warning.message), /^Sources say (US)?\$87 billion \(corpus\/\d{3}_\w+\.txt:\d+\).*not \$68 billion$/);
    assert.ok(warning.relatedInformation?.[0]?.location.uri.startsWith(`file://${workspace}/corpus/`));
    const title = published.diagnostics.find((d) => d.range.start.line === 4 && contradicted(d));
    assert.match(String(title?.message ?? ""), /Prime Minister/);
  });

  test("Should report the indexed sources in a status notification", async () => {
    const status = await client.connection.sendRequest<{ sources: number; indexing: boolean }>("grounded/status");
    assert.equal(status.sources, 5);
  });

  test("Should hover a figure with the verdict, the source sentence in bold and a link to the line", async () => {
    const hover = await client.connection.sendRequest<Hover>("textDocument/hover", { textDocument: { uri: draftUri }, position: { line: 2, character: 40 } });
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /Contradicted/);
    assert.match(value, /\*\*(US)?\\\$87 billion\*\*/);
    assert.match(value, /\(command:grounded\.openSource\?%5B%22file%3A/);
  });

  test("Should hover a name with what the sources call them", async () => {
    const hover = await client.connection.sendRequest<Hover | null>("textDocument/hover", { textDocument: { uri: draftUri }, position: { line: 4, character: 47 } });
    const value = hover ? (hover.contents as MarkupContent).value : "";
    assert.match(value, /Woo Won\\-shik/);
    assert.match(value, /Speaker/i);
  });

  test("Should complete source figures after a currency sign and names after a prefix", async () => {
    const text = draftText + "Two-way trade reached US$";
    await client.connection.sendNotification("textDocument/didChange", { textDocument: { uri: draftUri, version: 2 }, contentChanges: [{ text }] });
    const line = text.split("\n").length - 1;
    const items = await client.connection.sendRequest<CompletionItem[]>("textDocument/completion", { textDocument: { uri: draftUri }, position: { line, character: "Two-way trade reached US$".length } });
    assert.ok(items.length > 0);
    assert.ok(items.slice(0, 3).some((i) => /81\.5 billion/.test(i.label)), items.map((i) => i.label).join(", "));
    assert.ok(items.every((i) => i.detail?.includes("money")));
    const names = draftText + "Pham M";
    await client.connection.sendNotification("textDocument/didChange", { textDocument: { uri: draftUri, version: 3 }, contentChanges: [{ text: names }] });
    const people = await client.connection.sendRequest<CompletionItem[]>("textDocument/completion", { textDocument: { uri: draftUri }, position: { line, character: 6 } });
    assert.equal(people[0]?.label, "Pham Minh Chinh");
    assert.match(people[0]?.detail ?? "", /Prime Minister/);
    await client.connection.sendNotification("textDocument/didChange", { textDocument: { uri: draftUri, version: 4 }, contentChanges: [{ text: draftText }] });
  });

  test("Should offer the source's value as a quick fix", async () => {
    const published = await client.diagnostics(draftUri, (p) => p.version === 4 && p.diagnostics.some(contradicted));
    const warning = published.diagnostics.find((d) => d.range.start.line === 2 && contradicted(d))!;
    const actions = await client.connection.sendRequest<CodeAction[]>("textDocument/codeAction", { textDocument: { uri: draftUri }, range: warning.range, context: { diagnostics: [warning] } });
    const fix = actions.find((a) => a.title.startsWith("Use the source's value"));
    assert.ok(fix, actions.map((a) => a.title).join(", "));
    assert.match(fix.edit?.changes?.[draftUri]?.[0]?.newText ?? "", /87 billion/);
    assert.ok(actions.some((a) => a.title === "Ignore this figure here"));
    assert.ok(actions.some((a) => a.title.startsWith("Open source")));
  });

  test("Should rank source sentences for a search request", async () => {
    const hits = await client.connection.sendRequest<Array<{ path: string; line: number; text: string }>>("grounded/search", { query: "diplomatic relations 1992" });
    assert.match(hits[0]?.text ?? "", /December 22, 1992/);
    assert.equal(typeof hits[0]?.line, "number");
  });

  test("Should follow a source file changed on disk", async () => {
    const source = path.join(workspace, "corpus", "extra.txt");
    const stillContradicted = (p: { diagnostics: Diagnostic[] }) => p.diagnostics.some((d) => d.range.start.line === 2 && contradicted(d));
    // A new source that states the drafted figure: the warning must change within moments.
    await fs.writeFile(source, "Korean investment in Vietnam totals $68 billion, the largest of any country.\n");
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: `file://${source}`, type: 1 }] });
    const changed = await client.diagnostics(draftUri, (p) => !stillContradicted(p));
    assert.ok(!stillContradicted(changed));
    const status = await client.connection.sendRequest<{ sources: number }>("grounded/status");
    assert.equal(status.sources, 6);
    await fs.rm(source);
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: `file://${source}`, type: 3 }] });
    const restored = await client.diagnostics(draftUri, stillContradicted);
    assert.ok(stillContradicted(restored));
  });

  test("Should answer hover and completion quickly (measured, printed)", async () => {
    const hoverTimes: number[] = [];
    const completionTimes: number[] = [];
    for (let i = 0; i < 200; i++) {
      let started = performance.now();
      await client.connection.sendRequest("textDocument/hover", { textDocument: { uri: draftUri }, position: { line: 2 + (i % 3) * 2, character: 10 + (i % 40) } });
      hoverTimes.push(performance.now() - started);
      started = performance.now();
      await client.connection.sendRequest("textDocument/completion", { textDocument: { uri: draftUri }, position: { line: 6, character: 28 } });
      completionTimes.push(performance.now() - started);
    }
    console.log(`hover p50 ${percentile(hoverTimes, 50).toFixed(2)} ms p95 ${percentile(hoverTimes, 95).toFixed(2)} ms; completion p50 ${percentile(completionTimes, 50).toFixed(2)} ms p95 ${percentile(completionTimes, 95).toFixed(2)} ms (round trip over stdio)`);
    assert.equal(hoverTimes.length, 200);
  });
});
