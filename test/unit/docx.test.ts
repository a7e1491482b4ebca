import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { isSkipped, loadCorpus, loadSourceFile } from "../../src/core/sources/corpus.ts";
import { CorpusIndex } from "../../src/core/index/corpusIndex.ts";
import { checkDocument } from "../../src/core/check/checker.ts";
import type { SourceDocument } from "../../src/core/types.ts";
import { makeDocx } from "./helpers/makeDocx.ts";

describe("Word sources", () => {
  let dir: string;
  let brief: SourceDocument;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "grounded-docx-"));
    const bytes = await makeDocx([
      { paragraph: "Briefing on the port expansion", style: "Heading1" },
      { paragraph: "The harbour authority approved the second phase of the expansion on 3 March 2024." },
      { paragraph: "Costs by part of the works:" },
      { table: [["Part", "Cost"], ["Dredging of the channel", "$240 million"], ["New container berths", "$1.3 billion"]] },
      { paragraph: "The authority expects traffic to grow by 6 percent a year until 2030." },
    ]);
    await fs.writeFile(path.join(dir, "brief.docx"), bytes);
    const result = await loadSourceFile(path.join(dir, "brief.docx"), "brief.docx");
    if (isSkipped(result)) assert.fail(result.reason);
    brief = result;
  });
  after(async () => fs.rm(dir, { recursive: true, force: true }));

  test("Should read headings and paragraphs as lines and each table row as one line of its cells", () => {
    assert.deepEqual(
      brief.lines.filter((line) => line.length > 0),
      [
        "Briefing on the port expansion",
        "The harbour authority approved the second phase of the expansion on 3 March 2024.",
        "Costs by part of the works:",
        "Part | Cost",
        "Dredging of the channel | $240 million",
        "New container berths | $1.3 billion",
        "The authority expects traffic to grow by 6 percent a year until 2030.",
      ],
    );
    assert.equal(brief.title, "Briefing on the port expansion");
  });

  test("Should cite a figure by its paragraph number, in the message too", () => {
    const index = CorpusIndex.build([brief]);
    const [finding] = checkDocument(index, "New container berths at the port will cost $1.5 billion.").filter((f) => f.claimKind === "money");
    assert.equal(finding?.verdict, "contradicted");
    assert.equal(finding?.sources[0]?.paragraph, 6);
    assert.equal(finding?.sources[0]?.page, undefined);
    assert.match(finding!.message, /\(brief\.docx ¶ 6\)/);
  });

  test("Should skip a corrupt or an encrypted Word file with a reason that says so", async () => {
    const bad = path.join(dir, "bad");
    await fs.mkdir(bad);
    await fs.writeFile(path.join(bad, "truncated.docx"), (await makeDocx([{ paragraph: "Text." }])).subarray(0, 120));
    // A password-protected .docx is an OLE container (the signature of the old binary formats).
    await fs.writeFile(path.join(bad, "locked.docx"), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    const corpus = await loadCorpus({ roots: [bad], baseDir: bad });
    assert.equal(corpus.documents.length, 0);
    const reasons = Object.fromEntries(corpus.skipped.map((s) => [s.path, s.reason]));
    assert.match(reasons["truncated.docx"] ?? "", /^corrupt Word document/);
    assert.match(reasons["locked.docx"] ?? "", /^encrypted Word document/);
  });
});
