// Run in a child process by bench/run.ts (a fresh process per step, so start-up is really cold):
//   core.ts build CORPUS CACHE_DIR          cold index through the persisted-index path, then save
//   core.ts warm  CORPUS CACHE_DIR DRAFT N  restore from the cache; check the draft N times, re-check it
// Prints one JSON object on stdout.
import { readFileSync, readdirSync, statSync } from "node:fs";
import * as path from "node:path";
import { openIndex } from "../../src/core/store/indexCache.js";
import { checkDocument } from "../../src/core/check/checker.js";
import { DocumentCache } from "../../src/server/documentCache.js";
import { summarize } from "./stats.js";
import { keystrokeOffsets } from "../positions.js";

function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(path.join(dir, name)).size, 0);
}

async function main(): Promise<void> {
  const [mode, corpus, cacheDir, draftFile, repetitions] = process.argv.slice(2);
  if (!mode || !corpus || !cacheDir) throw new Error("usage: core.ts build|warm CORPUS CACHE_DIR [DRAFT]");
  const options = { roots: [corpus], baseDir: path.dirname(corpus), cacheDir, engineVersion: "bench" };
  const start = performance.now();
  const opened = await openIndex(options);
  const openMs = performance.now() - start;
  const result: Record<string, unknown> = { origin: opened.origin, openMs, filesRead: opened.filesRead, filesReused: opened.filesReused, problem: opened.problem };
  if (mode === "build") {
    result.cacheBytes = folderBytes(cacheDir);
    result.heapUsed = process.memoryUsage().heapUsed;
  }
  if (mode === "warm" && draftFile) {
    const draft = readFileSync(draftFile, "utf8");
    const index = opened.index;
    const checks: number[] = [];
    for (let i = 0; i < Number(repetitions ?? 3); i++) {
      const t = performance.now();
      checkDocument(index, draft);
      checks.push(performance.now() - t);
    }
    if (checks.length > 0) result.check = summarize(checks);
    // Re-check after keystrokes inside words through the server's paragraph and sentence caches.
    const cache = new DocumentCache();
    let text = draft;
    let version = 1;
    cache.findings({ uri: "bench:draft", version, getText: () => text }, index, 1, []);
    const rechecks: number[] = [];
    const computed: number[] = [];
    for (const offset of keystrokeOffsets(draft, 40, 6)) {
      text = `${text.slice(0, offset)}x${text.slice(offset)}`;
      version++;
      const current = text;
      const t = performance.now();
      cache.findings({ uri: "bench:draft", version, getText: () => current }, index, 1, []);
      rechecks.push(performance.now() - t);
      computed.push(cache.lastComputedParagraphs);
    }
    result.recheck = summarize(rechecks);
    result.recheckParagraphs = Math.max(...computed);
  }
  process.stdout.write(JSON.stringify(result));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
