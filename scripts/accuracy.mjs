// Scores the built CLI on labelled cases: the shared dev set (when ../shared is there)
// and the project's own cases in test/cases/. Prints precision and recall for each.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const scorer = "../shared/tools/score-cases.mjs";
if (!existsSync(scorer)) {
  console.log("accuracy: ../shared/tools/score-cases.mjs is not here; nothing to score against.");
  process.exit(0);
}
const sets = [];
if (existsSync("../shared/cases")) for (const f of readdirSync("../shared/cases")) if (f.endsWith(".jsonl")) sets.push(join("../shared/cases", f));
for (const f of readdirSync("test/cases")) if (f.endsWith(".jsonl")) sets.push(join("test/cases", f));
let failed = false;
for (const cases of sets) {
  console.log(`\n== ${cases}`);
  const run = spawnSync(process.execPath, [scorer, ...(process.argv.includes("--quiet") ? ["--quiet"] : []), "--cases", cases, "--corpus", "corpus", "--", process.execPath, "dist/cli.js"], { stdio: "inherit" });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
