import { test, describe, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { openIndex } from "../../src/core/store/indexCache.ts";
import { loadCorpus } from "../../src/core/sources/corpus.ts";
import { CorpusIndex } from "../../src/core/index/corpusIndex.ts";
import { checkDocument } from "../../src/core/check/checker.ts";
import { bundledCorpus } from "./helpers/corpus.ts";

const DRAFT = [
  "South Korea is Vietnam's largest foreign investor with US$80 billion in total direct investment.",
  "",
  "Prime Minister Pham Minh Chinh met Speaker Woo Won-shik on July 2.",
].join("\n");

describe("persisted index", () => {
  let work: string;
  let corpus: string;
  let cacheDir: string;
  const options = () => ({ roots: [corpus], baseDir: work, cacheDir, engineVersion: "test-1" });

  beforeEach(async () => {
    work = await fs.mkdtemp(path.join(os.tmpdir(), "grounded-cache-"));
    corpus = path.join(work, "corpus");
    cacheDir = path.join(work, "cache");
    await fs.cp(bundledCorpus, corpus, { recursive: true });
  });
  afterEach(async () => {
    await fs.rm(work, { recursive: true, force: true });
  });

  test("Should build and save on first use, then restore without reading any source", async () => {
    const first = await openIndex(options());
    assert.equal(first.origin, "rebuilt");
    assert.equal(first.problem, undefined);
    const second = await openIndex(options());
    assert.equal(second.origin, "snapshot");
    assert.equal(second.filesRead, 0);
    assert.equal(second.filesReused, first.index.documents.length);
  });

  test("Should restore an index that checks, searches and names exactly like a fresh build", async () => {
    await openIndex(options());
    const restored = (await openIndex(options())).index;
    const loaded = await loadCorpus({ roots: [corpus], baseDir: work });
    const fresh = CorpusIndex.build(loaded.documents, loaded.skipped);
    assert.deepEqual(checkDocument(restored, DRAFT), checkDocument(fresh, DRAFT));
    assert.deepEqual(restored.search("trade investment").map((h) => h.sentence.id), fresh.search("trade investment").map((h) => h.sentence.id));
    assert.deepEqual(restored.names.get("pham minh chinh")?.mentions.length, fresh.names.get("pham minh chinh")?.mentions.length);
    assert.equal(restored.sourceFigures.length, fresh.sourceFigures.length);
  });

  test("Should re-read only the file that changed, and see its new figure", async () => {
    await openIndex(options());
    const [first] = (await fs.readdir(corpus)).sort();
    await fs.appendFile(path.join(corpus, first!), "\nBilateral trade reached US$999 billion in 2031.\n");
    const reopened = await openIndex(options());
    assert.equal(reopened.origin, "rebuilt");
    assert.equal(reopened.filesRead, 1);
    assert.ok(reopened.index.figures("money").some((s) => s.figure.text === "US$999 billion"));
    // The other files' stored extractions give the same verdicts as reading everything afresh.
    const fresh = await loadCorpus({ roots: [corpus], baseDir: path.dirname(corpus) });
    const draft = "Trade reached US$87 billion in 2023 and US$999 billion in 2031. Samsung invested $22.4 billion.";
    assert.deepEqual(checkDocument(reopened.index, draft), checkDocument(CorpusIndex.build(fresh.documents, fresh.skipped), draft));
    // And the rebuilt index is what the next start restores.
    const again = await openIndex(options());
    assert.equal(again.origin, "snapshot");
    assert.ok(again.index.figures("money").some((s) => s.figure.text === "US$999 billion"));
  });

  test("Should save cleanly when two opens rebuild the same index at once, and restore it next time", async () => {
    const [first, second] = await Promise.all([openIndex(options()), openIndex(options())]);
    assert.equal(first.origin, "rebuilt");
    assert.equal(first.problem, undefined);
    assert.equal(second.problem, undefined);
    assert.equal(second.index.sourceFigures.length, first.index.sourceFigures.length);
    const third = await openIndex(options());
    assert.equal(third.origin, "snapshot");
  });

  test("Should treat a touched but unchanged file as unchanged", async () => {
    await openIndex(options());
    const [first] = (await fs.readdir(corpus)).sort();
    const later = new Date(Date.now() + 60_000);
    await fs.utimes(path.join(corpus, first!), later, later);
    const reopened = await openIndex(options());
    assert.equal(reopened.origin, "snapshot");
    assert.equal(reopened.filesRead, 1);
    assert.equal((await openIndex(options())).filesRead, 0);
  });

  test("Should notice added and removed sources", async () => {
    await openIndex(options());
    await fs.writeFile(path.join(corpus, "new.txt"), "Exports to Korea rose 12% in 2024.\n");
    const added = await openIndex(options());
    assert.equal(added.origin, "rebuilt");
    assert.ok(added.index.documents.some((d) => d.path.endsWith("new.txt")));
    await fs.rm(path.join(corpus, "new.txt"));
    const removed = await openIndex(options());
    assert.equal(removed.origin, "rebuilt");
    assert.ok(!removed.index.documents.some((d) => d.path.endsWith("new.txt")));
  });

  test("Should ignore a cache written by another engine version", async () => {
    await openIndex(options());
    const other = await openIndex({ ...options(), engineVersion: "test-2" });
    assert.equal(other.origin, "rebuilt");
  });

  test("Should rebuild, not fail, when the snapshot is damaged", async () => {
    await openIndex(options());
    for (const name of await fs.readdir(cacheDir)) {
      if (name.endsWith(".snapshot")) await fs.writeFile(path.join(cacheDir, name), "not a snapshot");
    }
    const reopened = await openIndex(options());
    assert.equal(reopened.origin, "rebuilt");
    assert.ok(reopened.index.documents.length > 0);
  });

  test("Should report, not throw, when the cache folder cannot be written", async () => {
    const blocked = path.join(work, "blocked");
    await fs.writeFile(blocked, "a file where the folder should be");
    const opened = await openIndex({ ...options(), cacheDir: path.join(blocked, "cache") });
    assert.equal(opened.origin, "rebuilt");
    assert.match(opened.problem ?? "", /could not save the index cache/);
    assert.ok(opened.index.documents.length > 0);
  });
});
