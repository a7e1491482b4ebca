// Real sentences of the bundled corpus, set as PDF pages in one or two columns at random widths,
// must come back from the PDF reader with every word, in reading order.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { readPdf } from "../../src/core/sources/pdf.ts";
import { makePdf, type DrawnText } from "./helpers/makePdf.ts";
import { bundledCorpus } from "./helpers/corpus.ts";

/** Corpus lines the test PDF writer can draw (ASCII) and that do not start like a list item. */
const paragraphs = readdirSync(bundledCorpus)
  .flatMap((file) => readFileSync(path.join(bundledCorpus, file), "utf8").split("\n"))
  .map((line) => line.trim())
  .filter((line) => /^[\x20-\x7e]{60,320}$/.test(line) && !/^(?:[-*•]|\(?\w[.)])\s/.test(line) && !/-$/.test(line));

/** Words of a paragraph in lines of at most `width` characters, never breaking a word. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Paragraphs set in a column from `top` down: 12 points a line, 10 more between paragraphs. */
function setColumn(texts: string[], x: number, width: number, top = 780): DrawnText[] {
  const drawn: DrawnText[] = [];
  let y = top;
  for (const text of texts) {
    for (const line of wrap(text, width)) {
      drawn.push({ x, y, text: line, size: 9 });
      y -= 12;
    }
    y -= 10;
  }
  return drawn;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

test("Should give back every word of real paragraphs set in one or two columns, in reading order", async () => {
  assert.ok(paragraphs.length > 20, "the bundled corpus has ASCII paragraphs to set");
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.constantFrom(...paragraphs), { minLength: 1, maxLength: 3 }),
      fc.array(fc.constantFrom(...paragraphs), { minLength: 0, maxLength: 3 }),
      fc.integer({ min: 30, max: 42 }),
      async (left, right, width) => {
        const page = [...setColumn(left, 50, width), ...setColumn(right, 320, width)];
        const extracted = await readPdf(makePdf([page]));
        assert.ok(!("reason" in extracted), "reason" in extracted ? extracted.reason : "");
        assert.deepEqual(words(extracted.lines.join(" ")), words([...left, ...right].join(" ")));
      },
    ),
    { numRuns: 25 },
  );
});
