// Property tests on real text: random strings never take the shape of real sentences, so these
// splice real lines (the bundled corpus, and ../shared/data when it is there) cut at random, joined,
// hard-wrapped and dressed in Markdown, and run them through every reader of text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { extractFigures } from "../../src/core/extract/figures.ts";
import { extractNames } from "../../src/core/extract/names.ts";
import { splitSentences } from "../../src/core/sources/sentences.ts";
import { readDraft } from "../../src/core/check/draft.ts";
import { checkDocument } from "../../src/core/check/checker.ts";
import { bundledCorpus, repoRoot, sampleIndex } from "./helpers/corpus.ts";

const runs = Math.max(100, Math.floor(Number(process.env["FUZZ_RUNS"] ?? 10_000) / 20));
const sharedData = path.resolve(repoRoot, "..", "shared", "data");

/** Text files under `folder`, at most `limit`, spread over its subfolders in name order. */
function textFiles(folder: string, limit: number): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (found.length >= limit) return;
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(md|txt)$/.test(name)) found.push(full);
    }
  };
  walk(folder);
  return found;
}

/** Real lines: the bundled corpus always; a sample of every folder of ../shared/data when present. */
function realLines(): string[] {
  const files = textFiles(bundledCorpus, 100);
  if (existsSync(sharedData)) for (const folder of readdirSync(sharedData).sort()) if (statSync(path.join(sharedData, folder)).isDirectory()) files.push(...textFiles(path.join(sharedData, folder), 40));
  return files.flatMap((file) => readFileSync(file, "utf8").split(/\r\n|\r|\n/)).filter((line) => line.trim().length > 0);
}

const lines = realLines();
const MARKDOWN = ["# ", "## ", "- ", "1. ", "> ", "**", "_", "`", "[", "](http://example.com/x)", "<!-- ", " -->", "```\n", "\n```\n", "| ", " |", "---\n", "<b>", "</b>", "[^1]"];
const SEPARATORS = [" ", "\n", "\r\n", "\n\n", "\r", "  \n"];

/** Real lines cut at random, joined by random separators, optionally hard-wrapped, with Markdown between. */
const splicedText = fc
  .array(
    fc.record({
      line: fc.nat({ max: lines.length - 1 }),
      from: fc.double({ min: 0, max: 1, noNaN: true }),
      to: fc.double({ min: 0, max: 1, noNaN: true }),
      markup: fc.option(fc.constantFrom(...MARKDOWN), { nil: undefined }),
      separator: fc.constantFrom(...SEPARATORS),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .chain((pieces) => fc.tuple(fc.constant(pieces), fc.option(fc.integer({ min: 20, max: 90 }), { nil: undefined })))
  .map(([pieces, wrapAt]) => {
    const text = pieces
      .map(({ line, from, to, markup, separator }) => {
        const source = lines[line]!;
        const [a, b] = [Math.floor(Math.min(from, to) * source.length), Math.ceil(Math.max(from, to) * source.length)];
        return (markup ?? "") + source.slice(a, b) + separator;
      })
      .join("");
    return wrapAt ? hardWrap(text, wrapAt) : text;
  });

/** Breaks lines at the last space before `width`, as an editor's hard wrap does. */
function hardWrap(text: string, width: number): string {
  return text.replace(new RegExp(`(.{1,${width}})( +|$)`, "g"), (_, line: string) => `${line}\n`);
}

function assertSpansInside(text: string, spans: ReadonlyArray<{ start: number; end: number }>, what: string): void {
  for (const span of spans) assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what} ${span.start}-${span.end} outside ${JSON.stringify(text)}`);
}

test(`Should read spliced real text with every figure, name and sentence inside it (${runs} texts, ${lines.length} real lines)`, () => {
  fc.assert(
    fc.property(splicedText, (text) => {
      const figures = extractFigures(text);
      assertSpansInside(text, figures, "figure");
      for (const figure of figures) assert.equal(text.slice(figure.start, figure.end), figure.text);
      const names = extractNames(text);
      assertSpansInside(text, names, "name");
      // A title sits before its name ("Director Ada Moss") or after it in apposition ("Ada Moss, director of …"), never across it.
      for (const name of names) {
        if (name.titleStart === undefined || name.titleEnd === undefined) continue;
        assert.ok(name.titleStart >= 0 && name.titleStart <= name.titleEnd && name.titleEnd <= text.length, `title of ${name.text} outside the text`);
        assert.ok(name.titleEnd <= name.start || name.titleStart >= name.end, `title of ${name.text} across its name`);
      }
      assertSpansInside(text, splitSentences(text), "sentence");
      const draft = readDraft(text);
      for (const paragraph of draft.paragraphs) {
        for (const sentence of paragraph.sentences) assert.ok(sentence.offset >= 0 && sentence.offset + sentence.text.length <= text.length, "draft sentence inside the text");
      }
    }),
    { numRuns: runs },
  );
});

test(`Should check spliced real text without throwing, every finding inside the draft (${runs} drafts)`, async () => {
  const index = await sampleIndex();
  fc.assert(
    fc.property(splicedText, (text) => {
      const textLines = text.split(/\r\n|\r|\n/);
      for (const finding of checkDocument(index, text)) {
        const { start, end } = finding.range;
        assert.ok(start.line < textLines.length && end.line < textLines.length, "lines inside the draft");
        assert.ok(start.character <= textLines[start.line]!.length && end.character <= textLines[end.line]!.length, "characters inside their line");
      }
    }),
    { numRuns: runs },
  );
});
