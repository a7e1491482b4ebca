import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { readDraft, maskMarkup, positionAt, lineStarts } from "../../src/core/check/draft.ts";
import { splitSentences } from "../../src/core/sources/sentences.ts";
import { joinLines } from "./helpers/text.ts";

describe("reading a draft", () => {
  test("Should blank code, URLs, comments and front matter without moving offsets", () => {
    const text = joinLines("---", "year: 2024", "---", "See [the report](https://x.org/2023/87) and `$5 billion`.", "<!-- $9 billion -->");
    const masked = maskMarkup(text);
    assert.equal(masked.length, text.length);
    assert.ok(!/2024|2023|\$5|\$9/.test(masked));
    assert.ok(masked.includes("See [the report]"));
  });

  test("Should map offsets to LSP positions across CRLF and lone CR line endings", () => {
    const text = "a\r\nb\rc\nd";
    const starts = lineStarts(text);
    assert.deepEqual(positionAt(starts, text.indexOf("c")), { line: 2, character: 0 });
    assert.deepEqual(positionAt(starts, text.indexOf("d")), { line: 3, character: 0 });
  });

  test("Should treat wrapped lines as one paragraph and headings as their own", () => {
    const { paragraphs } = readDraft(joinLines("# Title 2024", "Trade reached", "$80 billion. Aid was $4 billion.", "", "Next."));
    assert.equal(paragraphs.length, 3);
    assert.equal(paragraphs[1]!.sentences.length, 2);
    assert.equal(paragraphs[1]!.sentences[0]!.text, "Trade reached $80 billion.");
  });

  test("Should not check a line that carries the ignore marker", () => {
    const { paragraphs } = readDraft("Trade was $90 billion. <!-- grounded-ignore -->");
    assert.ok(paragraphs.every((p) => p.sentences.every((s) => !s.text.includes("90"))));
  });
});

describe("sentences", () => {
  test("Should not split on decimals, abbreviations or initials", () => {
    const text = "Trade hit US$81.5 billion in Dec. 2023, said Mr. Tung of the U.S. office. Then he left.";
    const spans = splitSentences(text).map((s) => text.slice(s.start, s.end));
    assert.deepEqual(spans, ["Trade hit US$81.5 billion in Dec. 2023, said Mr. Tung of the U.S. office.", "Then he left."]);
  });
});
