// Extraction of the real slice on one thread, for speed work on the grammars: CPU seconds of reading
// every document (figures, names, sentence words, figure contexts) and a SHA-256 of all it produced,
// so a change can be shown to leave the output identical.
//   node --import tsx scripts/extractGuard.ts [CORPUS_DIR] [--dump FILE]
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadCorpus } from "../src/core/sources/corpus.js";
import { extractLine, packReadings, readParagraphs } from "../src/core/sources/documentReading.js";
import { packDocumentWords, WordNumberer } from "../src/core/index/sentenceWords.js";
import { realCorpus } from "../bench/real.js";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dumpAt = args.indexOf("--dump");
  const dump = dumpAt >= 0 ? args.splice(dumpAt, 2)[1] : undefined;
  const passesAt = args.indexOf("--passes");
  const passes = passesAt >= 0 ? Number(args.splice(passesAt, 2)[1]) : 1;
  const corpus = args[0] ?? realCorpus(mkdtempSync(path.join(os.tmpdir(), "grounded-guard-")), "slice")?.dir;
  if (!corpus) throw new Error("no corpus");
  const { documents } = await loadCorpus({ roots: [corpus], baseDir: path.dirname(corpus) });
  const hash = createHash("sha256");
  const out: string[] = [];
  const numberer = new WordNumberer();
  let micros = 0;
  for (const document of documents) {
    const before = process.cpuUsage();
    const readings = readParagraphs(document, extractLine);
    const packed = packReadings(readings);
    const words = packDocumentWords(readings, true, numberer);
    const used = process.cpuUsage(before);
    micros += used.user + used.system;
    const record = JSON.stringify([document.path, Array.from(packed.layout), packed.extractions, words.newWords, Array.from(words.data), Array.from(words.weights)]);
    hash.update(record);
    if (dump) out.push(record);
  }
  if (dump) writeFileSync(dump, out.join("\n"));
  // Later passes (warm caches, every word numbered): the least CPU of them, less disturbed by a shared machine.
  const later: number[] = [];
  for (let pass = 1; pass < passes; pass++) {
    const before = process.cpuUsage();
    for (const document of documents) packDocumentWords(readParagraphs(document, extractLine), true, numberer);
    const used = process.cpuUsage(before);
    later.push(Math.round((used.user + used.system) / 1e4) / 100);
  }
  const bytes = documents.reduce((sum, d) => sum + d.lines.reduce((s, l) => s + l.length + 1, 0), 0);
  process.stdout.write(`${JSON.stringify({ documents: documents.length, megabytes: Math.round(bytes / 1e4) / 100, extractionCpuSeconds: Math.round(micros / 1e4) / 100, ...(later.length ? { laterPassesMin: Math.min(...later) } : {}), sha256: hash.digest("hex").slice(0, 16) })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
