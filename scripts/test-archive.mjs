// `npm run test:archive`: the archive's tests against a real, throwaway PostgreSQL (stopped and
// removed afterwards, also when a test fails or the run is interrupted).
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { startCluster } from "./throwaway-postgres.mjs";

const cluster = await startCluster();
const stopOnSignal = () => {
  cluster.stop();
  process.exit(130);
};
process.on("SIGINT", stopOnSignal);
process.on("SIGTERM", stopOnSignal);
let status = 1;
try {
  const files = readdirSync("test/archive").filter((f) => f.endsWith(".test.ts")).sort().map((f) => join("test/archive", f));
  const result = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", "--test-concurrency=1", ...files], {
    stdio: "inherit",
    env: { ...process.env, GROUNDED_TEST_POSTGRES: cluster.url },
  });
  status = result.status ?? 1;
} finally {
  cluster.stop();
}
process.exit(status);
