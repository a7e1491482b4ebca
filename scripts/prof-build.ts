// Times building the index of a corpus folder as the server and CLI build it (in slices, with
// reader threads): wall time, the main thread's CPU time (what bounds the build once reading is
// in threads), the whole process's CPU time and peak RSS. Bundle it to measure the shipped code:
//   npx esbuild scripts/prof-build.ts --bundle --platform=node --outfile=dist/prof-build.js && node dist/prof-build.js DIR [THREADS]
import { readFileSync } from "node:fs";
import { loadCorpus } from "../src/core/sources/corpus.ts";
import { CorpusIndex } from "../src/core/index/corpusIndex.ts";

/** CPU seconds of one thread of this process (Linux: /proc), or NaN elsewhere. */
function threadCpuSeconds(tid: number): number {
  try {
    const fields = readFileSync(`/proc/self/task/${tid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

function peakRssMB(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

async function main(): Promise<void> {
  const dir = process.argv[2] ?? "/tmp/big";
  const threads = Number(process.argv[3] ?? 2);
  const corpus = await loadCorpus({ roots: [dir] });
  const megabytes = corpus.documents.reduce((sum, d) => sum + d.size, 0) / 1e6;
  const main0 = threadCpuSeconds(process.pid);
  const all0 = process.cpuUsage();
  const t = performance.now();
  const index = await CorpusIndex.buildInSlices(corpus.documents, corpus.skipped, { threads, parallelMinChars: 0 });
  const seconds = (performance.now() - t) / 1000;
  const all = process.cpuUsage(all0);
  const mainCpu = threadCpuSeconds(process.pid) - main0;
  console.log(
    `${megabytes.toFixed(1)} MB, ${threads} readers: wall ${seconds.toFixed(1)} s (${(megabytes / seconds).toFixed(2)} MB/s); ` +
      `main thread CPU ${mainCpu.toFixed(1)} s, all threads ${((all.user + all.system) / 1e6).toFixed(1)} s; peak RSS ${peakRssMB().toFixed(0)} MB; ` +
      `${index.sentences.length} sentences, ${index.sourceFigures.length} figures`,
  );
}

void main();
