import { test } from "node:test";
import assert from "node:assert/strict";
import { maskMarkup } from "../../src/core/check/draft.ts";
import { maskedLines, type MaskedRuns } from "../../src/server/maskedLines.ts";

const whole = (lines: readonly string[]) => maskMarkup(lines.join("\n")).split("\n");

const DRAFTS = [
  ["Trade reached $80 billion (see [the report](https://example.org/a?b=1)).", "", "Code `x = 5` and <span>tags</span> are blanked.", "See https://example.org/42 and [^1].", "", "[1]: https://example.org/ref 'Title'"],
  ["Intro with 4 figures.", "", "---", "Between rules, not front matter: 5.", "---", "", "More text with 7 figures."],
  ["Text", "   ", "\tindented 12", "", "", "last line with mailto:someone@example.org"],
  ["# Heading 2024", "- item with `code` 5", "1. numbered [link](ftp://x/y) 6", ""],
];

test("Should mask a draft run by run exactly as masking it whole does, when nothing spans lines", () => {
  for (const lines of DRAFTS) assert.deepEqual(maskedLines(lines, undefined, new Map()), whole(lines), lines.join("\\n"));
});

test("Should mask the whole draft when fenced code, a comment or front matter can span lines", () => {
  const drafts = [
    ["Intro 5.", "", "```", "", "code 9", "```", "After 3."],
    ["Intro 5.", "<!-- a comment", "", "over lines 9 -->", "After 3."],
    ["---", "title: x 5", "", "---", "Body 3."],
  ];
  for (const lines of drafts) assert.deepEqual(maskedLines(lines, undefined, new Map()), whole(lines), lines.join("\\n"));
});

test("Should re-mask only the run a keystroke changed, reusing the others from the last version", () => {
  const lines = DRAFTS[0]!;
  const first: MaskedRuns = new Map();
  maskedLines(lines, undefined, first);
  const edited = [...lines];
  edited[2] = edited[2]!.replace("Code", "Codex");
  const second: MaskedRuns = new Map();
  assert.deepEqual(maskedLines(edited, first, second), whole(edited));
  const untouched = lines[0]!;
  assert.equal(second.get(untouched), first.get(untouched), "the first run's masking was reused, not redone");
  assert.equal(second.size, first.size, "runs no longer in the draft are dropped");
});
