// npm start: checks the example report against the bundled sample corpus (--sample: the CLI never
// uses the sample unless asked). Contradictions are the point of the demo, so exit 1 ("something is
// contradicted") is not a failure here; exit 2 is.
import { spawnSync } from "node:child_process";

const result = spawnSync(process.execPath, ["dist/cli.js", "check", "--sample", "examples/report.md"], { stdio: "inherit" });
process.exit(result.status === 1 ? 0 : (result.status ?? 2));
