// npm run test:e2e: sets up code-server and Chromium when needed (cached in .cache/e2e/), packages the
// extension (grounded.vsix), then runs test/e2e/*.e2e.ts with node:test, smoke test first.
//
// Options: --no-package  use the grounded.vsix already there
//          --readme      also write test/e2e/screenshots/README-*.png (the README's images)
//          anything else is passed to node --test (e.g. --test-name-pattern="quick fix")
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, setup } from "./e2e-setup.mjs";

const args = process.argv.slice(2);
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(0)}s`;

try {
  setup();
} catch (error) {
  console.error(`e2e: setup failed: ${error.message}`);
  process.exit(1);
}

if (!args.includes("--no-package")) {
  console.log("e2e: npm run package");
  const pack = spawnSync("npm", ["run", "--silent", "package"], { cwd: ROOT, stdio: "inherit" });
  if (pack.status !== 0) {
    console.error("e2e: packaging the extension failed; nothing to test");
    process.exit(pack.status ?? 1);
  }
}

const files = readdirSync(join(ROOT, "test", "e2e"))
  .filter((f) => f.endsWith(".e2e.ts"))
  .sort()
  .map((f) => join("test", "e2e", f));
const smoke = files.filter((f) => f.endsWith("smoke.e2e.ts"));
const scenarios = files.filter((f) => !smoke.includes(f));
const passThrough = args.filter((a) => a !== "--no-package" && a !== "--readme");
const env = { ...process.env, ...(args.includes("--readme") ? { GROUNDED_E2E_README: "1" } : {}) };

function runTests(list) {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", "--test", "--test-reporter=spec", "--test-concurrency=1", "--test-timeout=180000", ...passThrough, ...list],
    { cwd: ROOT, stdio: "inherit", timeout: 12 * 60 * 1000, env },
  );
  return result.status ?? 1;
}

// The smoke test first: if code-server and Chromium do not work here, the scenarios' failures would
// say nothing about Grounded.
console.log(`e2e: smoke test ${smoke.join(", ")} (${seconds()} so far)`);
if (smoke.length && runTests(smoke) !== 0) {
  console.log(`e2e: FAIL in ${seconds()}: the smoke test failed, so code-server or Chromium does not work here (see test/e2e/screenshots/FAIL-*)`);
  process.exit(1);
}
console.log(`e2e: scenarios ${scenarios.join(", ")} (${seconds()} so far)`);
const status = runTests(scenarios);
console.log(`e2e: ${status === 0 ? "PASS" : "FAIL"} in ${seconds()}${status === 0 ? "" : " (evidence: test/e2e/screenshots/FAIL-*.png and FAIL-*.log)"}`);
process.exit(status);
