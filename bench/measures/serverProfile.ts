// The language server on the real slice, run as the bench runs it, with a CPU profile of the
// server (written when it exits) to see where its answers go:
//   node --import tsx bench/measures/serverProfile.ts WORKSPACE PROFILE_DIR [--warm]
// WORKSPACE/corpus holds the sources (bench/real.ts copies the slice there when it is missing);
// --warm keeps WORKSPACE/server-cache from the last run, so the server restores its index.
import { existsSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { generateDraft, generateQueries } from "../generate.js";
import { realCorpus, realSliceArticles } from "../real.js";
import { completionPositions, hoverPositions, keystrokeOffsets } from "../positions.js";
import { measureServer } from "./lsp.js";

async function main(): Promise<void> {
  const [workspace, profileDir] = process.argv.slice(2);
  if (!workspace || !profileDir) throw new Error("usage: serverProfile.ts WORKSPACE PROFILE_DIR [--warm]");
  if (!existsSync(path.join(workspace, "corpus"))) realCorpus(workspace, "slice");
  const articles = realSliceArticles();
  if (!articles) throw new Error("../shared/data/wh-briefings is absent");
  const draftText = generateDraft(articles, 5000, 2, false);
  writeFileSync(path.join(workspace, "draft.md"), draftText);
  const cacheDir = path.join(workspace, "server-cache");
  if (!process.argv.includes("--warm")) rmSync(cacheDir, { recursive: true, force: true });
  const result = await measureServer({
    workspace,
    cacheDir,
    draftText,
    hover: hoverPositions(draftText, 300, 4),
    completion: completionPositions(draftText, 300, 5),
    queries: generateQueries(articles, 200, 3, false),
    keystrokes: keystrokeOffsets(draftText, 40, 6),
    nodeFlags: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`],
  });
  const pair = (s: { p50: number; p95: number }) => `${s.p50.toFixed(2)} / ${s.p95.toFixed(2)}`;
  process.stdout.write(`index ${(result.indexMs / 1000).toFixed(1)} s; full check ${result.checkMs.toFixed(0)} ms, opened again ${result.secondCheckMs.toFixed(0)} ms; re-check ${pair(result.recheck)}; hover ${pair(result.hover)}; completion ${pair(result.completion)}; search ${pair(result.search)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
