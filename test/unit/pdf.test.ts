import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { isSkipped, loadCorpus, loadSourceFile } from "../../src/core/sources/corpus.ts";
import { CorpusIndex } from "../../src/core/index/corpusIndex.ts";
import { checkDocument } from "../../src/core/check/checker.ts";
import { openIndex } from "../../src/core/store/indexCache.ts";
import { extractedView, viewLineOf } from "../../src/core/sources/extractedView.ts";
import { formatFinding, plain } from "../../src/cli/format.ts";
import type { SourceDocument } from "../../src/core/types.ts";
import { column, makePdf, sampleReport } from "./helpers/makePdf.ts";
import { sourceText } from "../../src/server/sourceText.ts";
import { sourceLink } from "../../src/server/markdown.ts";
import { pathToFileURL } from "node:url";

describe("PDF sources", () => {
  let dir: string;
  const read = async (name: string, bytes: Buffer): Promise<SourceDocument> => {
    await fs.writeFile(path.join(dir, name), bytes);
    const result = await loadSourceFile(path.join(dir, name), name);
    if (isSkipped(result)) assert.fail(`${name} was skipped: ${result.reason}`);
    return result;
  };
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "grounded-pdf-"));
  });
  after(async () => fs.rm(dir, { recursive: true, force: true }));

  test("Should read a two-column page column by column, each paragraph whole, after the heading above both", async () => {
    const page = [
      { x: 50, y: 800, text: "Quarterly Trade Review", size: 16 },
      ...column(50, 760, [
        "Exports of rice from the delta grew again this",
        "quarter, reaching $4.2 billion by the end of June,",
        "while coffee shipments held steady at 1.1 million",
        "tonnes despite the dry season in the highlands.",
      ]),
      ...column(310, 760, [
        "Imports of machinery fell for the second time in",
        "a row, to $2.7 billion, as factories postponed new",
        "orders until the interest rate cut expected in the",
        "autumn of next year takes effect across the region.",
      ]),
    ];
    const document = await read("columns.pdf", makePdf([page]));
    const text = document.lines.filter((line) => line.length > 0);
    assert.equal(text[0], "Quarterly Trade Review");
    assert.equal(text[1], "Exports of rice from the delta grew again this quarter, reaching $4.2 billion by the end of June, while coffee shipments held steady at 1.1 million tonnes despite the dry season in the highlands.");
    assert.equal(text[2], "Imports of machinery fell for the second time in a row, to $2.7 billion, as factories postponed new orders until the interest rate cut expected in the autumn of next year takes effect across the region.");
    assert.equal(document.title, "Quarterly Trade Review");
  });

  test("Should read a table row by row, each figure beside its label", async () => {
    const rows = [["Dredging of the channel", "$240 million"], ["New container berths", "$1.3 billion"], ["Rail link to the port", "$410 million"]];
    const page = [
      ...column(50, 700, ["The port authority gave the cost of each part of the works:"]),
      ...rows.flatMap(([label, value], i) => [{ x: 50, y: 670 - 14 * i, text: label!, size: 10 }, { x: 400, y: 670 - 14 * i, text: value!, size: 10 }]),
    ];
    const document = await read("table.pdf", makePdf([page]));
    const text = document.lines.join("\n");
    for (const [label, value] of rows) assert.match(text, new RegExp(`${label} \\${value}`));
  });

  test("Should join a word hyphenated at a line end that the text writes whole, keep a compound it writes with its hyphen, and read ligatures as letters", async () => {
    const page = column(50, 760, [
      "The ministry said that the provincial govern-",
      "ment spent $3 billion on rural roads under a four-",
      "year plan. The four-year plan also puts the ﬁnal ﬁgures",
      "for the ﬂood defences at $600 million, a government aide said.",
    ]);
    const document = await read("hyphens.pdf", makePdf([page]));
    const paragraph = document.lines.join("\n");
    assert.match(paragraph, /provincial government spent \$3 billion/);
    assert.match(paragraph, /under a four-year plan\./);
    assert.match(paragraph, /the final figures for the flood defences at \$600 million/);
    const index = CorpusIndex.build([document]);
    assert.deepEqual(
      index.figures("money").map((s) => s.figure.text),
      ["$3 billion", "$600 million"],
    );
  });

  test("Should leave out a header and a page footer repeated on every page, and cite each figure by its page", async () => {
    const document = await read("report.pdf", makePdf(sampleReport()));
    assert.ok(!document.lines.some((line) => /Annual Report|Page \d/.test(line)), document.lines.join("\n"));
    const index = CorpusIndex.build([document]);
    assert.ok(!index.figures("date").some((s) => s.figure.value === 20240000), "the header's year is not a fact");
    const [supported] = checkDocument(index, "Coffee exports from the highlands reached $7 billion in 2023.").filter((f) => f.claimKind === "money");
    assert.equal(supported?.verdict, "supported");
    assert.equal(supported?.sources[0]?.page, 2);
    const [contradicted] = checkDocument(index, "Coffee exports from the highlands reached $9 billion in 2023.").filter((f) => f.claimKind === "money");
    assert.equal(contradicted?.verdict, "contradicted");
    assert.match(contradicted!.message, /\(report\.pdf p\. 2\)/);
    assert.match(formatFinding("draft.md", contradicted!, plain), /\n {4}report\.pdf p\. 2: Coffee exports/);
  });

  test("Should carry a paragraph over a page break on to the next page, each part cited by its own page", async () => {
    const pages = sampleReport();
    pages.push([...column(50, 760, ["$5 billion over the next ten years, the port authority said."])]);
    const document = await read("carried.pdf", makePdf(pages));
    const carried = document.lines.findIndex((line) => line.startsWith("$5 billion over"));
    assert.equal(document.lines[carried - 1], "Tea exports reached $1 billion in 2023 and the harbour expansion will cost");
    assert.equal(document.pages?.[carried - 1], 3);
    assert.equal(document.pages?.[carried], 4);
  });

  test("Should open a cited line in the extracted text past the page markers, which say the page", async () => {
    const document = await read("report.pdf", makePdf(sampleReport()));
    const view = extractedView(document);
    const shown = view.text.split("\n");
    const line = document.lines.findIndex((l) => l.includes("$7 billion"));
    assert.equal(shown[viewLineOf(view.pageStarts, line)], document.lines[line]);
    assert.match(shown.slice(0, viewLineOf(view.pageStarts, line)).reverse().find((l) => /page \d/.test(l)) ?? "", /page 2/);
  });

  test("Should hand the editor the extracted text of a PDF in the index only, and label its hover links with the page", async () => {
    const document = await read("report.pdf", makePdf(sampleReport()));
    const index = CorpusIndex.build([document]);
    const view = sourceText(index, { uri: pathToFileURL(document.absolutePath).toString() });
    assert.match(view.text ?? "", /page 2[^\n]*\n[^]*Coffee exports/);
    assert.deepEqual(sourceText(index, { uri: pathToFileURL(path.join(dir, "other.pdf")).toString() }), {});
    assert.deepEqual(sourceText(index, { uri: "file:///etc/passwd" }), {});
    const line = document.lines.findIndex((l) => l.includes("$7 billion"));
    assert.match(sourceLink(index, "report.pdf", line), /^\[report\\\.pdf p\\\. 2\]\(command:grounded\.openSource\?/);
  });

  test("Should skip an encrypted, a corrupt and a text-less (scanned) PDF, each with a reason that says so", async () => {
    await fs.mkdir(path.join(dir, "bad"));
    await fs.writeFile(path.join(dir, "bad", "locked.pdf"), makePdf(sampleReport(), { encrypted: true }));
    await fs.writeFile(path.join(dir, "bad", "broken.pdf"), Buffer.concat([Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type"), Buffer.alloc(300, 7)]));
    await fs.writeFile(path.join(dir, "bad", "scanned.pdf"), makePdf([[]], { drawings: ["0.5 g 40 40 500 700 re f"] }));
    const corpus = await loadCorpus({ roots: [path.join(dir, "bad")], baseDir: dir });
    assert.equal(corpus.documents.length, 0);
    const reasons = Object.fromEntries(corpus.skipped.map((s) => [path.basename(s.path), s.reason]));
    assert.match(reasons["locked.pdf"] ?? "", /^encrypted PDF/);
    assert.match(reasons["broken.pdf"] ?? "", /corrupt PDF|cannot read PDF/);
    assert.match(reasons["scanned.pdf"] ?? "", /^no text layer: scanned\?/);
  });

  test("Should say how far it has read a long PDF while indexing", async () => {
    const longDir = path.join(dir, "long");
    await fs.mkdir(longDir);
    const pages = Array.from({ length: 25 }, (_, i) => column(50, 600, [`Section ${i + 1} of the report lists exports of $${i + 1} billion.`]));
    await fs.writeFile(path.join(longDir, "long.pdf"), makePdf(pages));
    const progress: string[] = [];
    const corpus = await loadCorpus({ roots: [longDir], baseDir: longDir, onProgress: (_done, _total, file) => progress.push(file) });
    assert.equal(corpus.documents[0]?.pages?.at(-1), 25);
    assert.deepEqual(progress, ["long.pdf (page 10 of 25)", "long.pdf (page 20 of 25)", "long.pdf"]);
  });

  test("Should extract a PDF once: the persisted index restores it, pages and all, without reading it again", async () => {
    const corpusDir = path.join(dir, "persisted");
    await fs.mkdir(corpusDir);
    await fs.writeFile(path.join(corpusDir, "report.pdf"), makePdf(sampleReport()));
    const options = { roots: [corpusDir], baseDir: corpusDir, cacheDir: path.join(dir, "cache"), engineVersion: "test" };
    const first = await openIndex(options);
    const second = await openIndex(options);
    assert.equal(first.filesRead, 1);
    assert.equal(second.origin, "snapshot");
    assert.equal(second.filesRead, 0);
    const [finding] = checkDocument(second.index, "Coffee exports from the highlands reached $7 billion in 2023.").filter((f) => f.claimKind === "money");
    assert.equal(finding?.sources[0]?.page, 2);
    assert.deepEqual(second.index.documents[0]?.pages, first.index.documents[0]?.pages);
  });
});
