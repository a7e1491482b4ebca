// What the CLI reads as sources: only what the user chose (never the sample unless asked), and
// never the drafts being checked, even when they sit in the corpus folder.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { excludeDrafts } from "../../src/util/draftExclusion.ts";

const repoRoot = path.resolve(__dirname, "..", "..");
const cli = path.join(repoRoot, "dist", "cli.js");

function grounded(args: string[], cwd = repoRoot, input?: string) {
  return spawnSync(process.execPath, [cli, ...args], { cwd, encoding: "utf8", input });
}

describe("the CLI's sources", () => {
  let folder: string;
  before(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), "grounded-cli-"));
    await fs.writeFile(path.join(folder, "source.txt"), "Exports of rice reached 7 million tonnes in 2023.\n");
    // A draft that disagrees with the source: if it were read as a source too, it would be "disputed".
    await fs.writeFile(path.join(folder, "draft (v2).md"), "Exports of rice reached 9 million tonnes in 2023.\n");
  });
  after(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  test("Should refuse to check without sources, saying how to add them, instead of using the sample", () => {
    const run = grounded(["check", "-"], repoRoot, "Trade reached $19 billion in 2023.\n");
    assert.equal(run.status, 2);
    assert.match(run.stderr, /no sources to check against/);
    assert.match(run.stderr, /--corpus DIR/);
    assert.match(run.stderr, /--sample/);
    assert.equal(run.stdout, "", "nothing is checked");
  });

  test("Should use the bundled sample when asked, and say so", () => {
    const run = grounded(["check", "--sample", "examples/report.md"]);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /\(5 sources, the bundled sample\)/);
  });

  test("Should never cite a draft inside the corpus folder against itself", () => {
    const run = grounded(["check", "--corpus", ".", "--format", "json", "draft (v2).md"], folder);
    const report = JSON.parse(run.stdout) as { files: Array<{ diagnostics: Array<{ code: string; sources: Array<{ path: string }> }> }> };
    const diagnostics = report.files[0]!.diagnostics;
    assert.deepEqual(diagnostics.map((d) => d.code), ["contradicted"], run.stdout);
    assert.deepEqual(diagnostics[0]!.sources.map((s) => s.path), ["source.txt"]);
    assert.equal(run.status, 1);
  });

  test("Should keep the user's excludes (or the defaults) next to the drafts' own", () => {
    assert.deepEqual(excludeDrafts(["/w"], ["/w/notes/a[1].md", "/elsewhere/b.md"], ["**/old/**"]), ["**/old/**", "notes/a\\[1\\].md"]);
    assert.ok(excludeDrafts(["/w"], [], undefined).includes("**/node_modules/**"));
  });

  test("Should list every option in --help", () => {
    const run = grounded(["--help"]);
    for (const option of ["--corpus", "--sample", "--include", "--exclude", "--max-file-size", "--cache", "--format text|json|html", "--all", "--ignore", "--limit", "--kind", "lsp --stdio"]) {
      assert.ok(run.stdout.includes(option), `--help mentions ${option}`);
    }
  });
});
