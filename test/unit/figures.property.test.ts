import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { extractFigures } from "../../src/core/extract/figures.ts";

const runs = Number(process.env["FUZZ_RUNS"] ?? 10_000);
const pieces = ["$", "US$", "₩", "€", "£", " billion", " bn", "m", " million", "%", " percent", " per cent", "-", "–", ",", ".", " ", "nearly ", "over ",
  "December ", "22", "1992", "2025", "/", "second-largest", "the ", "10 largest", "two ", "workers", "\u00a0", "😀", "\u0301", "\r\n", "\r", "\u202e", "ى"];
const figureSoup = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.integer({ min: 0, max: 99999 }).map(String), fc.string({ maxLength: 3 })), { maxLength: 30 }).map((parts) => parts.join(""));

function checkInvariants(text: string): void {
  const figures = extractFigures(text);
  let previousEnd = 0;
  for (const figure of figures) {
    assert.ok(figure.start >= previousEnd && figure.start < figure.end && figure.end <= text.length, `span ${figure.start}-${figure.end} in ${JSON.stringify(text)}`);
    assert.equal(text.slice(figure.start, figure.end), figure.text);
    assert.ok(Number.isFinite(figure.value));
    previousEnd = figure.end;
  }
}

test("Should never throw and keep every span inside the text, for any Unicode", () => {
  fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), checkInvariants), { numRuns: runs });
  fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), checkInvariants), { numRuns: runs });
});

test("Should keep spans sorted, non-overlapping and exact on figure-like soup", () => {
  fc.assert(fc.property(figureSoup, checkInvariants), { numRuns: runs });
});

test("Should read back the value of any formatted number", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
      const value = Number(`${whole}.${String(cents).padStart(2, "0")}`);
      const formatted = value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      const money = extractFigures(`It costs $${formatted} in total.`);
      assert.equal(money.length, 1);
      assert.equal(money[0]!.value, value);
      const scaled = extractFigures(`It costs $${whole} billion in total.`);
      assert.equal(scaled[0]!.value, whole * 1e9);
    }),
    { numRuns: runs },
  );
});

test("Should parse pathological long lines (1 MB) without backtracking", () => {
  for (const line of ["1,".repeat(500_000), "9".repeat(1_000_000), "$1-".repeat(300_000), "December ".repeat(100_000), "(".repeat(1_000_000)]) {
    const figures = extractFigures(line);
    assert.ok(Array.isArray(figures));
  }
  // Exponent notation and 5,000-digit numbers are not figures a writer states.
  assert.deepEqual(extractFigures("1e308 and " + "9".repeat(5000)), []);
});
