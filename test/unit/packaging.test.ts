// What ships: the .vsix holds every image its README shows and every walkthrough page; the npm
// package (npm pack, for `npm install -g`) holds the CLI, the server and the sample corpus.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";

const repoRoot = path.resolve(__dirname, "..", "..");
const vsce = path.join(repoRoot, "node_modules", ".bin", "vsce");

describe("packaging", () => {
  test("Should ship in the .vsix every image the README shows and every walkthrough page", () => {
    const listed = new Set(execFileSync(vsce, ["ls", "--no-dependencies"], { cwd: repoRoot, encoding: "utf8" }).split("\n").map((l) => l.trim()).filter(Boolean));
    const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)].map((m) => m[1]!).filter((src) => !/^https?:/.test(src));
    assert.ok(images.length > 0);
    for (const image of images) assert.ok(listed.has(image), `the .vsix lacks ${image}, which its README shows`);
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { contributes: { walkthroughs: Array<{ steps: Array<{ media: { markdown?: string; image?: string } }> }> } };
    for (const step of manifest.contributes.walkthroughs.flatMap((w) => w.steps)) {
      const media = step.media.markdown ?? step.media.image;
      assert.ok(media && listed.has(media), `the .vsix lacks the walkthrough page ${media}`);
    }
    assert.ok(listed.has("examples/report.md"), "the sample workspace's draft");
    assert.equal((manifest as { files?: unknown }).files, undefined, "vsce package refuses a files field next to .vscodeignore");
  });

  test("Should pack for npm the CLI, the language server and the sample corpus", () => {
    const output = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: repoRoot, encoding: "utf8" });
    const files = new Set((JSON.parse(output) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path));
    for (const file of ["dist/cli.js", "dist/server.js", "package.json", "README.md"]) assert.ok(files.has(file), `npm pack lacks ${file}`);
    assert.ok([...files].some((f) => /^corpus\/\d{3}_\w+\.txt$/.test(f)), "the sample corpus, for --sample");
    assert.ok(![...files].some((f) => f.startsWith("src/") || f.startsWith("test/")), "no sources or tests");
  });
});
