// Runs every test/unit/**/*.test.ts with node:test (Node 20's runner has no globs of its own).
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function find(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? find(path) : name.endsWith(".test.ts") ? [path] : [];
  });
}

const files = find(process.argv[2] ?? "test/unit").sort();
const result = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", ...files], { stdio: "inherit" });
if ((process.argv[2] ?? "test/unit") === "test/unit") {
  console.log("\nExtension-host integration tests (test/integration) are not part of npm test: they need to download VS Code. Run npm run test:integration where that works.");
}
process.exit(result.status ?? 1);
