// Which engine extracted an archive's documents. A load re-extracts documents extracted by another
// engine, and a check replays stored extractions only when they are this engine's: a new version
// never serves stale figures or names. The version is a hash of the engine's code (src/core and the
// locked libraries): the build computes it (esbuild.js, the same walk), unbundled runs hash the files.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";

declare const GROUNDED_ENGINE_VERSION: string | undefined;

let computed: string | undefined;

export function engineVersion(): string {
  if (typeof GROUNDED_ENGINE_VERSION === "string") return GROUNDED_ENGINE_VERSION;
  computed ??= hashEngine(path.resolve(__dirname, "..", "..", "..", ".."));
  return computed;
}

/** What esbuild.js computes: every .ts file under src/core in path order, then package-lock.json. */
function hashEngine(root: string): string {
  const hash = createHash("sha1");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".ts")) hash.update(path.relative(root, full).split(path.sep).join("/")).update("\0").update(readFileSync(full)).update("\0");
    }
  };
  try {
    walk(path.join(root, "src", "core"));
    hash.update(readFileSync(path.join(root, "package-lock.json")));
  } catch {
    return "unknown";
  }
  return hash.digest("hex").slice(0, 16);
}
