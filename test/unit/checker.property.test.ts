import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { checkDocument } from "../../src/core/check/checker.ts";
import { loadSourceFile, isSkipped } from "../../src/core/sources/corpus.ts";
import { sampleIndex } from "./helpers/corpus.ts";

const runs = Math.max(50, Math.floor(Number(process.env["FUZZ_RUNS"] ?? 10_000) / 20));
const pieces = ["$87 billion", "US$81.5 billion", " in 2023", " by 2030", "\r\n", "\r", "\n\n", "🇻🇳", "\u0301", "\u202e", "\ufeff", "President Pham Minh Chinh ",
  "second-largest ", "December 22, 1992", "[x](command:y)", "<!-- grounded-ignore -->", "```\n$5\n```", "nearly ", "(((", ")))", "1e308", "9".repeat(200)];

test(`Should never throw and keep every finding inside the draft, in UTF-16 units (${runs} drafts)`, async () => {
  const index = await sampleIndex();
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: "grapheme", maxLength: 12 })), { maxLength: 25 }), (parts) => {
      const text = parts.join(" ");
      const lines = text.split(/\r\n|\r|\n/);
      for (const finding of checkDocument(index, text)) {
        const { start, end } = finding.range;
        assert.ok(start.line < lines.length && end.line < lines.length, "lines inside the draft");
        assert.ok(start.character <= lines[start.line]!.length && end.character <= lines[end.line]!.length, "characters inside their line");
        assert.ok(start.line < end.line || start.character < end.character, "non-empty range");
      }
    }),
    { numRuns: runs },
  );
});

test("Should check a 1 MB line without a newline", async () => {
  const index = await sampleIndex();
  const line = "Trade was $80 billion and rising. ".repeat(30_000);
  const findings = checkDocument(index, line);
  assert.ok(findings.length > 1000);
});

test("Should report a source deleted while being indexed instead of failing", async () => {
  const result = await loadSourceFile("/nonexistent/grounded/source.txt", "source.txt");
  assert.ok(isSkipped(result));
  assert.match(result.reason, /not found/);
});
