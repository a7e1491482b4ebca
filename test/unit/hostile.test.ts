// Hostile inputs: files that are not what they claim, encodings, links that loop, and lines of one
// token repeated a million times. Each must end cleanly and say what it did; the limits are
// generous on purpose (speed is measured by `npm run bench`, not here).
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadCorpus } from "../../src/core/sources/corpus.ts";
import { CorpusIndex } from "../../src/core/index/corpusIndex.ts";
import { checkDocument } from "../../src/core/check/checker.ts";
import { extractFigures } from "../../src/core/extract/figures.ts";
import { splitSentences } from "../../src/core/sources/sentences.ts";
import { readDraft } from "../../src/core/check/draft.ts";
import { htmlToText } from "../../src/core/sources/html.ts";
import { repoRoot, sampleIndex } from "./helpers/corpus.ts";

const GENEROUS = { timeout: 120_000 };
const MEGABYTE = 1_000_000;
const cli = path.join(repoRoot, "dist", "cli.js");

/** A line of about `length` characters made of `token` repeated. */
const repeated = (token: string, length = MEGABYTE) => token.repeat(Math.ceil(length / token.length)).slice(0, length);

/** Tokens of the figure grammar and the scanners that a line could be made of, over and over. */
const PATHOLOGICAL_TOKENS = [
  "$1,", "1.", "1-", "1", "in 2020 and ", "$1 by 2020, ", "-", "%", "billion ", "5 billion ", "one hundred and ", "second-largest ",
  "January 1, 2020 ", "Aaaa ", "President Aaa Bbb ", "a", "((", "[[", "<", "<a ", "&#", "&#x1;", "`", "http://", "constructor ",
  "e.g. ", "U.S. ", "\u00a0", "\u0301", "😀",
];

describe("hostile source files", () => {
  let folder: string;
  let index: CorpusIndex;
  const skippedReason = (name: string) => index.skipped.find((s) => s.path.endsWith(name))?.reason;
  const readOk = (name: string) => index.documents.some((d) => d.path.endsWith(name));

  before(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), "grounded-hostile-"));
    const write = (name: string, data: string | Uint8Array) => fs.writeFile(path.join(folder, name), data);
    await write("binary.txt", Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    await fs.writeFile(path.join(folder, "huge.txt"), Buffer.alloc(50 * 1024 * 1024, "Exports rose 5% to $1 billion. "));
    await write("latin1.txt", Buffer.from("Caf\xe9 exports reached \x805 million in 2023.\n", "latin1"));
    const utf16 = "Trade reached $7 billion in 2023, a record.\n";
    await write("utf16-bom.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16, "utf16le")]));
    await write("utf16-nobom.txt", Buffer.from(utf16, "utf16le"));
    await fs.mkdir(path.join(folder, "loop"));
    await fs.symlink(folder, path.join(folder, "loop", "back"));
    await write("injection.html", '<p>Aid was <script>alert(1)</script>$9 billion <img src=x onerror=alert(1)> in 2024.</p><!-- $1 trillion -->\n');
    await write("injection.md", "Aid was [$8 billion](command:workbench.action.terminal.new) <b onclick=x>in 2024</b>.\n");
    // Sources a quarter as long as the draft lines below: together they are already a 7 MB corpus.
    for (const [i, token] of PATHOLOGICAL_TOKENS.entries()) await write(`pathological-${i}.txt`, repeated(token, MEGABYTE / 4) + "\n");
    const loaded = await loadCorpus({ roots: [folder], baseDir: folder });
    index = CorpusIndex.build(loaded.documents, loaded.skipped);
  });

  after(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  test("Should skip a binary file and a 50 MB file, each with its reason", GENEROUS, () => {
    assert.match(skippedReason("binary.txt") ?? "", /binary/);
    assert.match(skippedReason("huge.txt") ?? "", /larger than|too large|MB/i);
  });

  test("Should read Latin-1 and UTF-16 (with and without a byte order mark) as text", GENEROUS, () => {
    const values = (name: string) => index.sentences.filter((s) => s.path.endsWith(name)).flatMap((s) => s.figures.map((f) => f.text));
    assert.ok(values("latin1.txt").includes("€5 million"), JSON.stringify(values("latin1.txt")));
    assert.ok(values("utf16-bom.txt").includes("$7 billion"), JSON.stringify(values("utf16-bom.txt")));
    assert.ok(values("utf16-nobom.txt").includes("$7 billion"), JSON.stringify(values("utf16-nobom.txt")));
  });

  test("Should come out of a symbolic link loop, naming it", GENEROUS, () => {
    assert.ok(index.skipped.some((s) => /loop|visited/.test(s.reason)), JSON.stringify(index.skipped));
  });

  test("Should index a source's words, not its markup: no script, no comment, no link target", GENEROUS, () => {
    const html = index.sentences.filter((s) => s.path.endsWith("injection.html"));
    assert.ok(html.some((s) => s.figures.some((f) => f.text === "$9 billion")));
    assert.ok(html.every((s) => !/<script|onerror|\$1 trillion/.test(s.text)), JSON.stringify(html.map((s) => s.text)));
    const markdown = index.sentences.filter((s) => s.path.endsWith("injection.md"));
    assert.ok(markdown.every((s) => !s.text.includes("command:")), JSON.stringify(markdown.map((s) => s.text)));
  });

  test("Should index every 250 KB line of a repeated token with no file lost to an internal error", GENEROUS, () => {
    assert.deepEqual(index.skipped.filter((s) => /internal error/.test(s.reason)), []);
    // Each is read, or (blank, say) skipped with a reason of its own.
    for (const i of PATHOLOGICAL_TOKENS.keys()) {
      const name = `pathological-${i}.txt`;
      assert.ok(readOk(name) || skippedReason(name), `${name} (${JSON.stringify(PATHOLOGICAL_TOKENS[i])})`);
    }
  });
});

describe("draft lines of one token repeated", () => {
  test("Should check the reported 1 MB line of '$1,' from the CLI and exit cleanly", GENEROUS, async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), "grounded-long-line-"));
    const draft = path.join(folder, "draft.md");
    await fs.writeFile(draft, repeated("$1,") + "\n");
    const result = spawnSync(process.execPath, [cli, "check", "--sample", draft], { cwd: repoRoot, encoding: "utf8", timeout: 110_000 });
    await fs.rm(folder, { recursive: true, force: true });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /0 contradicted, 0 disputed in 1 file/);
  });

  // A quarter of a megabyte each keeps the suite short; `npm run bench` measures their cost per KB.
  for (const token of PATHOLOGICAL_TOKENS) {
    test(`Should check a 250 KB line of ${JSON.stringify(token)} and keep every finding inside it`, GENEROUS, async () => {
      const line = repeated(token, MEGABYTE / 4);
      const findings = checkDocument(await sampleIndex(), line);
      for (const finding of findings) assert.ok(finding.range.start.line === 0 && finding.range.end.character <= line.length);
      for (const span of splitSentences(line)) assert.ok(span.start < span.end && span.end <= line.length);
      for (const figure of extractFigures(line)) assert.equal(line.slice(figure.start, figure.end), figure.text);
      assert.equal(readDraft(line).starts.length, 1);
      assert.equal(htmlToText(line).split("\n").length, 1);
    });
  }
});

describe("the CLI when checking one draft fails", () => {
  // The fault is injected (see helpers/injectFault.cjs): the engine throws on any text with a snowman.
  const run = (...drafts: string[]) =>
    spawnSync(process.execPath, ["--require", path.join(__dirname, "helpers", "injectFault.cjs"), cli, "check", "--sample", "--format", "json", ...drafts], { cwd: repoRoot, encoding: "utf8" });
  let folder: string;
  before(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), "grounded-cli-fault-"));
    await fs.writeFile(path.join(folder, "good.md"), "Korean investment in Vietnam totals $68 billion.\n");
    await fs.writeFile(path.join(folder, "faulty.md"), "The \u2603 fund was $5 billion.\n");
  });
  after(() => fs.rm(folder, { recursive: true, force: true }));

  test("Should report the other drafts' results and name the failed one on stderr", () => {
    const result = run(path.join(folder, "faulty.md"), path.join(folder, "good.md"));
    assert.equal(result.status, 1, result.stderr);
    const report = JSON.parse(result.stdout) as { files: Array<{ path: string; diagnostics: Array<{ code: string }> }> };
    assert.deepEqual(report.files.map((f) => path.basename(f.path)), ["good.md"]);
    assert.equal(report.files[0]?.diagnostics[0]?.code, "contradicted");
    assert.match(result.stderr, /internal error checking .*faulty\.md: injected fault/);
  });

  test("Should exit 2 when no draft could be checked", () => {
    const result = run(path.join(folder, "faulty.md"));
    assert.equal(result.status, 2);
    assert.match(result.stderr, /faulty\.md: injected fault/);
    assert.match(result.stderr, /no draft could be checked/);
  });
});
