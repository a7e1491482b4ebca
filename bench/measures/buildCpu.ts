// The cold build of an index in CPU seconds, main thread and all threads (a shared machine distorts
// wall time; CPU time much less), so reading in worker threads can be weighed by what each thread does:
//   node --import tsx bench/measures/buildCpu.ts server|cli [CORPUS_DIR|real] [READERS]
// server: the language server's build (openIndex with a fresh storage folder, so saving included);
// cli: `grounded check`'s build without a cache (CorpusIndex.buildInSlices). READERS defaults to
// readerThreads (as the server or the CLI picks). `real`: the bench's real 20 MB slice (needs
// ../shared). Linux only: the main thread's time is read from /proc. Needs dist/readWorker.js (`node esbuild.js`).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CorpusIndex } from "../../src/core/index/corpusIndex.js";
import { loadCorpus } from "../../src/core/sources/corpus.js";
import { readerThreads } from "../../src/core/sources/parallelRead.js";
import { openIndex } from "../../src/core/store/indexCache.js";
import { realCorpus } from "../real.js";

/** CPU seconds of this process's main thread (utime + stime of its task, in clock ticks of 1/100 s). */
function mainThreadSeconds(): number {
  const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function main(): Promise<void> {
  const [mode = "server", corpusArg = "real", readersArg] = process.argv.slice(2);
  if (mode !== "server" && mode !== "cli") throw new Error("usage: buildCpu.ts server|cli [CORPUS_DIR|real] [READERS]");
  const workspace = corpusArg === "real" ? mkdtempSync(path.join(os.tmpdir(), "grounded-buildcpu-")) : undefined;
  const corpus = workspace ? realCorpus(workspace, "slice")?.dir : path.resolve(corpusArg);
  if (!corpus) throw new Error("../shared/data/wh-briefings is not here: give a corpus folder");
  const threads = readersArg === undefined ? readerThreads(mode === "server") : Number(readersArg);
  const options = { roots: [corpus], baseDir: path.dirname(corpus) };
  const mainBefore = mainThreadSeconds();
  const allBefore = process.cpuUsage();
  const started = performance.now();
  let index: CorpusIndex;
  let progress = 0;
  if (mode === "server") {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), "grounded-buildcpu-cache-"));
    index = (await openIndex({ ...options, cacheDir, engineVersion: "bench", threads, onProgress: () => progress++ })).index;
    rmSync(cacheDir, { recursive: true, force: true });
  } else {
    const loaded = await loadCorpus(options);
    index = await CorpusIndex.buildInSlices(loaded.documents, loaded.skipped, { threads, sliceMs: 1000, onProgress: () => progress++ });
  }
  const wall = (performance.now() - started) / 1000;
  const all = process.cpuUsage(allBefore);
  const mainSeconds = mainThreadSeconds() - mainBefore;
  if (workspace) rmSync(workspace, { recursive: true, force: true });
  const round = (x: number) => Math.round(x * 100) / 100;
  process.stdout.write(
    `${JSON.stringify({ mode, readers: threads, wallSeconds: round(wall), mainThreadCpuSeconds: round(mainSeconds), allThreadsCpuSeconds: round((all.user + all.system) / 1e6), progressReports: progress, sentences: index.sentences.length, figures: index.sourceFigures.length })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
