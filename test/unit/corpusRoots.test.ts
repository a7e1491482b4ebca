import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { resolveRoots } from "../../src/server/corpusService.ts";
import { DEFAULT_SETTINGS } from "../../src/server/settings.ts";

describe("which folders are indexed", () => {
  let withCorpus: string;
  let without: string;
  before(async () => {
    withCorpus = await fs.mkdtemp(path.join(os.tmpdir(), "grounded-roots-a-"));
    without = await fs.mkdtemp(path.join(os.tmpdir(), "grounded-roots-b-"));
    await fs.mkdir(path.join(withCorpus, "corpus"));
  });
  after(async () => {
    await fs.rm(withCorpus, { recursive: true, force: true });
    await fs.rm(without, { recursive: true, force: true });
  });

  test("Should use each workspace folder's corpus/ when there is one, in a multi-root workspace", () => {
    const roots = resolveRoots([withCorpus, without], DEFAULT_SETTINGS, true);
    assert.deepEqual(roots.roots, [path.join(withCorpus, "corpus")]);
  });

  test("Should index nothing, and say why, rather than fall back to the bundled sample corpus", () => {
    const roots = resolveRoots([without], DEFAULT_SETTINGS, true);
    assert.deepEqual(roots.roots, []);
    assert.equal(roots.missing, "unset");
  });

  test("Should treat a workspace folder given as the corpus as holding drafts too", () => {
    const roots = resolveRoots([withCorpus], { ...DEFAULT_SETTINGS, corpus: [".", "corpus"] }, true);
    assert.deepEqual(roots.shared, [withCorpus]);
  });

  test("Should resolve grounded.corpus folders and globs relative to every workspace folder", () => {
    const roots = resolveRoots([withCorpus, without], { ...DEFAULT_SETTINGS, corpus: ["sources", "notes/**/*.md"] }, true);
    assert.deepEqual(roots.roots, [path.join(withCorpus, "sources"), withCorpus, path.join(without, "sources"), without]);
    assert.deepEqual(roots.include, ["notes/**/*.md", "notes/**/*.md"]);
  });

  test("Should read no file in an untrusted workspace", () => {
    const roots = resolveRoots([withCorpus], { ...DEFAULT_SETTINGS, corpus: ["/etc"] }, false);
    assert.deepEqual(roots.roots, []);
    assert.equal(roots.missing, "untrusted");
  });
});
