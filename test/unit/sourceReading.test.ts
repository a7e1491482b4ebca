import { test, describe } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { sourceFromText } from "../../src/core/sources/corpus.ts";
import { CorpusIndex, evidenceOf } from "../../src/core/index/corpusIndex.ts";
import { checkDocument } from "../../src/core/check/checker.ts";
import { paragraphsOf, placeInSource } from "../../src/core/sources/paragraphs.ts";
import { restoreIndex, snapshotIndex } from "../../src/core/store/indexSnapshot.ts";
import { bundledCorpus, indexOf, joinLines } from "./helpers/corpus.ts";

// A release as government sites publish it: front matter, hard-wrapped at ~70 characters, links.
const release = joinLines(
  "---",
  "date: '2023-07-07'",
  'title: "Statement on the $20 Billion Rail Program"',
  "source_url: https://example.gov/briefing-room/2023/07/07/statement-1234/",
  "---",
  "",
  "The Bipartisan Infrastructure Law makes the largest investment in passenger",
  "rail since the creation of Amtrak, with a $66",
  "billion investment in rail. The unemployment rate stayed below 4 percent for",
  "17 months in a row, the [Bureau of Labor Statistics](https://www.bls.gov/news.release/2023/123456.htm)",
  "reported.",
  "",
  "Read the [full report](https://example.gov/files/2023/report-2024.pdf) here.",
);

describe("reading sources as a writer reads them", () => {
  test("Should read a figure split by a soft line break whole, located on the line where it starts", () => {
    const index = indexOf({ "release.md": release });
    const money = index.figures("money").map((s) => s.figure.text);
    assert.deepEqual(money, ["$66 billion"]);
    const evidence = evidenceOf(index.figures("money")[0]!);
    assert.equal(evidence.line, 7);
    assert.equal(release.split("\n")[7]!.slice(evidence.start, evidence.start! + 3), "$66");
    assert.match(evidence.text, /^The Bipartisan Infrastructure Law .* with a \$66 billion investment in rail\.$/);
  });

  test("Should cite the line of a figure on a later line of its sentence", () => {
    const index = indexOf({ "release.md": release });
    const months = index.figures().find((s) => s.figure.text.startsWith("17"))!;
    assert.equal(evidenceOf(months).line, 9);
    assert.equal(evidenceOf(months).start, 0);
  });

  test("Should show and offer a figure written across an indented line break with single spaces", () => {
    const index = indexOf({ "list.md": joinLines("-   The plant will power up to one", "    million homes and create more", "    than 1,800 jobs in the state.") });
    const shown = index.figures().map((s) => [s.figure.qualifierText, s.figure.text]);
    assert.deepEqual(shown, [["up to", "one million"], ["more than", "1,800"]]);
  });

  test("Should read a bold figure in Markdown as the same sentence without the markers", () => {
    const bold = indexOf({ "bold.md": "Companies announced **$500 billion** in new __private__ investment." });
    const plain = indexOf({ "plain.md": "Companies announced $500 billion in new private investment." });
    assert.deepEqual(bold.figures().map((s) => [s.figure.text, s.sentence.text.replace(/\s+/g, " ").trim()]), plain.figures().map((s) => [s.figure.text, s.sentence.text]));
  });

  test("Should not index front matter or link targets as facts, and take the title and date from the front matter", () => {
    const document = sourceFromText("release.md", release);
    assert.equal(document.title, "Statement on the $20 Billion Rail Program");
    assert.deepEqual(document.date, { year: 2023, month: 7, day: 7 });
    const index = CorpusIndex.build([document]);
    const stated = index.figures().map((s) => s.figure.text);
    assert.ok(!stated.some((text) => /20 Billion|1234|123456|2024/.test(text)), stated.join(", "));
    assert.ok(index.sentences.every((s) => !s.text.includes("http")));
  });

  test("Should hold a draft to a figure the source wraps across lines", () => {
    const index = indexOf({ "release.md": release });
    const findings = checkDocument(index, "The law invests $66 billion in passenger rail.\n\nThe law invests $76 billion in passenger rail.\n");
    assert.deepEqual(findings.map((f) => [f.claimText, f.verdict]), [["$66 billion", "supported"], ["$76 billion", "contradicted"]]);
    assert.match(findings[1]!.message, /\$66 billion \(release\.md:8\)/);
  });

  test("Should keep lines apart in a source with one paragraph or headline per line", () => {
    const lines = ["Trade hits record", "Exports grew 8% in 2024.", "Imports fell 2% in 2024.", "Other News", "Markets rally"];
    assert.deepEqual(paragraphsOf(lines).map((p) => [p.firstLine, p.lastLine]), [[0, 0], [1, 1], [2, 2], [3, 3], [4, 4]]);
  });

  test("Should join a line cut mid-sentence to the next that goes on in lower case, even in an unwrapped source", () => {
    const lines = ["Exports grew to $66", "billion in 2024.", "Imports fell."];
    assert.deepEqual(paragraphsOf(lines).map((p) => [p.firstLine, p.lastLine]), [[0, 1], [2, 2]]);
  });

  test("Should start a new paragraph at a heading or list item in a wrapped source", () => {
    const lines = ["# Jobs report", "The economy added 209,000 jobs in June, and", "wages rose 4.4 percent over the", "year.", "- Unemployment fell", "to 3.6 percent."];
    assert.deepEqual(paragraphsOf(lines).map((p) => [p.firstLine, p.lastLine]), [[0, 0], [1, 3], [4, 5]]);
  });

  test("Should restore a sentence that runs across lines with its text and places", async () => {
    const index = indexOf({ "release.md": release });
    const restored = restoreIndex(Buffer.concat([...snapshotIndex(index)]));
    assert.deepEqual(restored.sentences.map((s) => [s.text, s.line, s.start, s.endLine, s.end, s.breaks]), index.sentences.map((s) => [s.text, s.line, s.start, s.endLine, s.end, s.breaks]));
    assert.deepEqual(restored.figures().map(evidenceOf), index.figures().map(evidenceOf));
  });

  test("Should name every figure with the exact line and columns that state it, wherever lines are wrapped", () => {
    // Real sentences from the bundled corpus, re-wrapped at random widths.
    const text = readFileSync(path.join(bundledCorpus, "002_26fe11c9adda1892.txt"), "utf8").split("\n").filter((l) => l.length > 60).slice(0, 6).join(" ");
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 90 }), (width) => {
        const lines: string[] = [];
        let line = "";
        for (const word of text.split(" ")) {
          if (line && line.length + word.length + 1 > width) {
            lines.push(line);
            line = word;
          } else line = line ? `${line} ${word}` : word;
        }
        lines.push(line);
        const index = indexOf({ "wrapped.txt": lines.join("\n") });
        const flat = indexOf({ "flat.txt": text });
        assert.deepEqual(index.figures().map((s) => s.figure.text), flat.figures().map((s) => s.figure.text));
        for (const source of index.figures()) {
          const place = placeInSource(source.sentence, source.figure.start);
          assert.equal(lines[place.line]!.slice(place.character, place.character + 1), source.figure.text[0]);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe("one bad source never costs the whole index", () => {
  test("Should skip a source whose reading fails, with the reason, and index the others", () => {
    const documents = [sourceFromText("good.txt", "Exports reached $5 billion in 2024."), sourceFromText("bad.txt", "Exports reached $9 billion in 2024.")];
    const failing = (paragraph: string) => {
      if (paragraph.includes("$9")) throw new Error("grammar fault");
      return { figures: [], names: [] };
    };
    const index = CorpusIndex.build(documents, [], undefined, failing);
    assert.deepEqual(index.documents.map((d) => d.path), ["good.txt"]);
    assert.deepEqual(index.skipped.map((s) => s.path), ["bad.txt"]);
    assert.match(index.skipped[0]!.reason, /could not be indexed.*grammar fault/);
    assert.equal(index.documentNumber("good.txt"), 0);
  });
});
