// Which engine extracted an archive's documents. A load re-extracts documents extracted by another
// engine, and a check replays stored extractions only when they are this engine's: a new version
// never serves stale figures or names. The version is a hash of the code a load runs to extract (the
// parts below, a superset of what dist/archiveWorker.js bundles, and the locked libraries): the build
// computes it (esbuild.js, the same list and walk), unbundled runs hash the files. Reading code (the
// checker, search, this folder's queries) is not part of it: changing it keeps stored extractions.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";

declare const GROUNDED_ENGINE_VERSION: string | undefined;

let computed: string | undefined;

export function engineVersion(): string {
  if (typeof GROUNDED_ENGINE_VERSION === "string") return GROUNDED_ENGINE_VERSION;
  computed ??= hashEngine(path.resolve(__dirname, "..", "..", "..", ".."));
  return computed;
}

/** Keep in step with ENGINE_PARTS in esbuild.js. */
const ENGINE_PARTS = ["src/core/extract", "src/core/knowledge", "src/core/sources", "src/core/index", "src/core/check/facts.ts", "src/core/check/messages.ts", "src/core/store/archive/extract.ts", "src/core/types.ts", "src/util", "package-lock.json"];

/** What esbuild.js computes: each part in order, a folder's .ts files in path order. */
function hashEngine(root: string): string {
  const hash = createHash("sha1");
  const add = (full: string) => hash.update(path.relative(root, full).split(path.sep).join("/")).update("\0").update(readFileSync(full)).update("\0");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".ts")) add(full);
    }
  };
  try {
    for (const part of ENGINE_PARTS) {
      const full = path.join(root, part);
      if (statSync(full).isDirectory()) walk(full);
      else add(full);
    }
  } catch {
    return "unknown";
  }
  return hash.digest("hex").slice(0, 16);
}
