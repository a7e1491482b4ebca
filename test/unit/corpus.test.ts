import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadCorpus, loadSourceFile, findDocumentDate, sourceFromText, isSkipped } from "../../src/core/sources/corpus.ts";
import { decodeBytes } from "../../src/core/sources/decode.ts";
import { htmlToText } from "../../src/core/sources/html.ts";
import * as nodePath from "node:path";
const repoRoot = nodePath.resolve(__dirname, "..", "..");
const bundledCorpus = nodePath.join(repoRoot, "corpus");

describe("corpus loading", () => {
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "grounded-corpus-"));
    await fs.writeFile(path.join(dir, "plain.txt"), "Trade reached $80 billion in 2023.\n");
    await fs.writeFile(path.join(dir, "empty.txt"), "");
    await fs.writeFile(path.join(dir, "report.pdf.txt"), Buffer.from("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj"));
    await fs.writeFile(path.join(dir, "legacy.txt"), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x24, 0x35, 0x0a])); // "Café $5" in Latin-1
    await fs.writeFile(path.join(dir, "wide.txt"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Aid of $4 billion.\n", "utf16le")]));
    await fs.mkdir(path.join(dir, "sub dir ü"));
    await fs.writeFile(path.join(dir, "sub dir ü", "page.html"), "<html><head><script>var x = '$1 billion';</script></head>\n<body><p>FDI of &#36;87 billion &amp; more.</p>\n</body></html>");
    await fs.writeFile(path.join(dir, "notes.docx"), "ignored by the include glob");
    await fs.symlink(dir, path.join(dir, "loop"));
  });
  after(async () => fs.rm(dir, { recursive: true, force: true }));

  test("Should index a file once when two roots, or a link to it, reach it", async () => {
    const links = await fs.mkdtemp(path.join(os.tmpdir(), "grounded-links-"));
    try {
      await fs.symlink(path.join(dir, "plain.txt"), path.join(links, "alias.txt"));
      const corpus = await loadCorpus({ roots: [dir, dir, links], baseDir: dir });
      assert.equal(corpus.documents.filter((d) => d.lines[0] === "Trade reached $80 billion in 2023.").length, 1);
    } finally {
      await fs.rm(links, { recursive: true, force: true });
    }
  });

  test("Should read text, Latin-1, UTF-16 and HTML sources and skip the unusable ones with a reason", async () => {
    const corpus = await loadCorpus({ roots: [dir], baseDir: dir });
    const paths = corpus.documents.map((d) => d.path).sort();
    assert.deepEqual(paths, ["legacy.txt", "plain.txt", "sub dir ü/page.html", "wide.txt"]);
    const reasons = Object.fromEntries(corpus.skipped.map((s) => [s.path, s.reason]));
    assert.equal(reasons["empty.txt"], "empty file");
    assert.match(reasons["report.pdf.txt"] ?? "", /binary file \(PDF\)/);
    assert.ok(corpus.skipped.some((s) => /loop/.test(s.path) && /already visited/.test(s.reason)));
    const legacy = corpus.documents.find((d) => d.path === "legacy.txt")!;
    assert.equal(legacy.lines[0], "Café $5");
    assert.equal(corpus.documents.find((d) => d.path === "wide.txt")!.lines[0], "Aid of $4 billion.");
  });

  test("Should keep HTML line numbers and drop scripts", async () => {
    const corpus = await loadCorpus({ roots: [dir], baseDir: dir, include: ["**/*.html"] });
    const page = corpus.documents[0]!;
    assert.equal(page.lines[1], "FDI of $87 billion & more.");
    assert.ok(!page.lines.join(" ").includes("$1 billion"));
  });

  test("Should skip a file over the size limit and say how large it is", async () => {
    const result = await loadSourceFile(path.join(dir, "plain.txt"), "plain.txt", 10);
    assert.ok(isSkipped(result));
    assert.match(result.reason, /too large \(35 bytes; the limit is 10 bytes\)/);
  });

  test("Should report a corpus folder that does not exist instead of throwing", async () => {
    const corpus = await loadCorpus({ roots: [path.join(dir, "nope")], baseDir: dir });
    assert.equal(corpus.documents.length, 0);
    assert.equal(corpus.skipped[0]?.reason, "corpus folder does not exist");
  });

  test("Should cap the number of files and say so", async () => {
    const corpus = await loadCorpus({ roots: [dir], baseDir: dir, maxFiles: 2 });
    const read = corpus.documents.length + corpus.skipped.filter((s) => /empty|binary/.test(s.reason)).length;
    assert.equal(read, 2);
    assert.ok(corpus.skipped.some((s) => /more than 2 files/.test(s.reason)));
  });

  test("Should load the bundled corpus with display paths relative to the base folder", async () => {
    const corpus = await loadCorpus({ roots: [bundledCorpus], baseDir: repoRoot });
    assert.equal(corpus.documents.length, 5);
    assert.ok(corpus.documents.every((d) => d.path.startsWith("corpus/")));
    assert.deepEqual(corpus.skipped, []);
  });
});

describe("document dates and decoding", () => {
  test("Should find the date stated near the top of an article", () => {
    assert.deepEqual(findDocumentDate(["Latest date 2025-08-11 HÀ NỘI — Prime Minister"]), { year: 2025, month: 8, day: 11 });
    assert.deepEqual(findDocumentDate(["Title", "", "03:17 - 11/10/2023"]), { year: 2023, month: 10, day: 11 });
    assert.deepEqual(findDocumentDate(["Published August 11, 2025"]), { year: 2025, month: 8, day: 11 });
    assert.equal(findDocumentDate(["No date here"]), undefined);
  });

  test("Should compose decomposed diacritics so names match", () => {
    const doc = sourceFromText("a.txt", "Pha\u0323m Minh Chi\u0301nh");
    assert.equal(doc.lines[0], "Phạm Minh Chính");
  });

  test("Should refuse text full of NUL bytes and accept UTF-8 with a BOM", () => {
    assert.ok("reason" in decodeBytes(new Uint8Array([1, 0, 2, 0, 0, 0, 3, 0, 0, 0])));
    const decoded = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]));
    assert.ok("text" in decoded && decoded.text === "A");
  });

  test("Should decode HTML entities without inventing characters from bad ones", () => {
    assert.equal(htmlToText("<p>&#x1F600; &#99999999; &bogus; &euro;5</p>"), "😀 &#99999999; &bogus; €5");
  });
});
