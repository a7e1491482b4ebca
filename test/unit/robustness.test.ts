// Bad input and untrusted text: the CLI answers with one line and an exit code, settings fall back
// with a message, and text from sources cannot act as Markdown, HTML or a command link.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { parseSettings, DEFAULT_SETTINGS } from "../../src/server/settings.ts";
import { escapeMarkdown, sentenceWithFigure } from "../../src/server/markdown.ts";
import { renderReportHtml, summarize } from "../../src/core/check/report.ts";
import { sanitize } from "../../src/cli/format.ts";
import { checkDocument } from "../../src/core/check/checker.ts";
import { CancelledError } from "../../src/util/cancellation.ts";
import { sampleIndex } from "./helpers/corpus.ts";

const repoRoot = path.resolve(__dirname, "..", "..");
const cli = path.join(repoRoot, "dist", "cli.js");

function grounded(args: string[], input?: string) {
  return spawnSync(process.execPath, [cli, ...args], { cwd: repoRoot, encoding: "utf8", input });
}

describe("the CLI on bad input", () => {
  for (const [args, pattern] of [
    [["check", "--bogus", "examples/report.md"], /unknown option --bogus/],
    [["check", "no/such/draft.md"], /draft not found: no\/such\/draft\.md/],
    [["check", "examples"], /examples is a folder/],
    [["check", "--corpus", "no/such/folder", "examples/report.md"], /corpus folder not found/],
    [["check", "--format", "yaml", "examples/report.md"], /--format must be one of text, json, html/],
    [["search"], /search needs a query/],
    [["frobnicate"], /unknown command "frobnicate"/],
  ] as const) {
    test(`Should exit 2 with one line for: grounded ${args.join(" ")}`, () => {
      const run = grounded([...args]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, pattern);
      assert.doesNotMatch(run.stderr, /^\s+at /m, "no stack trace");
    });
  }

  test("Should read the draft from standard input and exit 1 on a contradiction, 0 when clean", () => {
    const contradicted = grounded(["check", "--sample", "--format", "json", "-"], "Korean investment in Vietnam totals $68 billion.\n");
    assert.equal(contradicted.status, 1);
    const report = JSON.parse(contradicted.stdout) as { files: Array<{ path: string; diagnostics: Array<{ code: string }> }> };
    assert.equal(report.files[0]?.path, "-");
    assert.equal(report.files[0]?.diagnostics[0]?.code, "contradicted");
    assert.equal(grounded(["check", "--sample", "-"], "Korean investment in Vietnam totals $87 billion.\n").status, 0);
  });

  test("Should stop quietly when the reader closes the pipe", () => {
    const run = spawnSync("bash", ["-c", `node ${JSON.stringify(cli)} facts --sample | head -c 10 > /dev/null; echo "\${PIPESTATUS[0]}"`], { cwd: repoRoot, encoding: "utf8" });
    assert.equal(run.stdout.trim(), "0");
    assert.doesNotMatch(run.stderr, /EPIPE|^\s+at /m);
  });
});

describe("settings", () => {
  test("Should name each invalid setting once and use its default", () => {
    const { settings, problems } = parseSettings({ corpus: 42, maxFileSize: -1, languages: "markdown", diagnostics: { unverifiable: "loud" }, citationStyle: "footnote", unknownKey: true });
    assert.deepEqual(settings.corpus, DEFAULT_SETTINGS.corpus);
    assert.equal(settings.maxFileSize, DEFAULT_SETTINGS.maxFileSize);
    assert.equal(settings.unverifiable, "off");
    assert.equal(settings.citationStyle, "footnote");
    assert.equal(problems.length, 4);
    for (const name of ["grounded.corpus", "grounded.maxFileSize", "grounded.languages", "grounded.diagnostics.unverifiable"]) {
      assert.ok(problems.some((p) => p.includes(`"${name}"`)), name);
    }
  });

  test("Should accept a single corpus folder given as a string", () => {
    assert.deepEqual(parseSettings({ corpus: "sources" }).settings.corpus, ["sources"]);
    assert.deepEqual(parseSettings(null).problems, []);
  });
});

describe("untrusted text", () => {
  const hostile = 'See [click](command:workbench.action.terminal.new) ![x](http://e.vil/x.png) <img src=x onerror=alert(1)> <script>alert(1)</script> $87 billion';

  test("Should escape every Markdown and HTML construct in hover text", () => {
    const shown = sentenceWithFigure(hostile, "$87 billion");
    assert.ok(!/[^\\]\[/.test(shown), "no unescaped [");
    assert.ok(!/[^\\]</.test(shown), "no unescaped <");
    assert.ok(!shown.includes("](command:"), "no command link");
    assert.match(shown, /\*\*\\\$87 billion\*\*/);
    assert.equal(escapeMarkdown("`code` *x* _y_"), "\\`code\\` \\*x\\* \\_y\\_");
  });

  test("Should render the report with a strict CSP, a nonce and no markup from the text", () => {
    const html = renderReportHtml([summarize("draft.md", [{
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
      verdict: "contradicted", message: hostile, claimText: "<b>x</b>", claimKind: "money",
      sources: [{ path: "a<b>.txt", line: 0, text: hostile, value: "<script>" }],
    }])], undefined, "abc123");
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'nonce-abc123'; img-src 'none'; script-src 'none'"/);
    assert.match(html, /<style nonce="abc123">/);
    assert.ok(!html.includes("<script"), "no script element");
    assert.ok(!html.includes("<img"), "no image element");
    assert.ok(!html.includes("<b>x</b>"));
  });

  test("Should strip terminal control sequences from text the CLI prints", () => {
    assert.equal(sanitize("ok\u001b[31mred\u001b[0m\u202etxt"), "ok [31mred [0m txt");
  });

  test("Should stop a check whose token is already cancelled", async () => {
    const index = await sampleIndex();
    assert.throws(() => checkDocument(index, "Trade was $80 billion.\n\nAid was $4 billion.", { token: { isCancellationRequested: true } }), CancelledError);
  });
});

describe("source text in the search QuickPick", () => {
  test("Should not let a source sentence draw icons or run long", async () => {
    const { quickPickText } = await import("../../src/extension/quickPickText.ts");
    const shown = quickPickText("Trade $(warning) rose\n\tby $(sync~spin) 5%. " + "x".repeat(500));
    assert.ok(!shown.includes("$("));
    assert.ok(shown.length <= 160);
    assert.ok(!/[\n\t]/.test(shown));
  });
});

describe("binary files renamed .txt", () => {
  test("Should be recognised by their signature and skipped with the kind named", async () => {
    const { decodeBytes } = await import("../../src/core/sources/decode.ts");
    const reasonOf = (bytes: number[]) => {
      const decoded = decodeBytes(Uint8Array.from([...bytes, 0x0a, 0x41, 0x42]));
      return "reason" in decoded ? decoded.reason : "read as text";
    };
    assert.match(reasonOf([0x25, 0x50, 0x44, 0x46]), /PDF/);
    assert.match(reasonOf([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), /PNG/);
    assert.match(reasonOf([0x50, 0x4b, 0x03, 0x04]), /ZIP/);
    assert.match(reasonOf([0xff, 0xd8, 0xff, 0xe0]), /JPEG/);
  });
});
