import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { parseSettings } from "../../src/server/settings.ts";
import { redactUrl, checkArchiveUrl } from "../../src/core/store/archive/connection.ts";
import { compareDocumentPaths } from "../../src/core/store/archive/registry.ts";

describe("archive settings and URLs", () => {
  test("Should refuse an archive URL that carries a password, and say which setting", () => {
    const parsed = parseSettings({ archive: "postgres://writer:secret@db.example:5432/news" });
    assert.equal(parsed.settings.archive, "");
    assert.match(parsed.problems[0] ?? "", /grounded\.archive/);
    assert.ok(!parsed.problems.join(" ").includes("secret"));
  });

  test("Should accept an archive URL with a user and no password", () => {
    const parsed = parseSettings({ archive: "postgres://writer@db.example:5432/news" });
    assert.equal(parsed.settings.archive, "postgres://writer@db.example:5432/news");
    assert.deepEqual(parsed.problems, []);
  });

  test("Should never show a password in messages about an archive", () => {
    assert.ok(!redactUrl("postgres://loader:hunter2@127.0.0.1:5432/archive").includes("hunter2"));
    assert.match(checkArchiveUrl("mysql://x@y/z") ?? "", /postgres:\/\//);
    assert.equal(checkArchiveUrl("postgresql://x@127.0.0.1/z"), undefined);
  });

  test("Should order archive documents as the corpus walk visits folders (a folder's files before a longer sibling name)", () => {
    const paths = ["a-b/x.md", "a/z.md", "a/b/c.md", "b.md"];
    assert.deepEqual([...paths].sort(compareDocumentPaths), ["a/b/c.md", "a/z.md", "a-b/x.md", "b.md"]);
  });
});

describe("terms of words that are also JavaScript names", () => {
  test("Should give 'constructor' and 'toString' a word's term, not an Object member", async () => {
    const { termOf } = await import("../../src/core/extract/terms.ts");
    for (const word of ["constructor", "tostring", "valueof", "hasownproperty"]) assert.equal(typeof termOf(word), "string", word);
  });
});
