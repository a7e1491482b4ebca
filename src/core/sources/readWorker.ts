// A worker thread that reads source documents (parallelRead.ts sends them in batches): paragraphs,
// sentences, figures and names of each, and the words of each sentence as the index keeps them,
// packed for the main thread. Bundled as dist/readWorker.js.
import { parentPort } from "node:worker_threads";
import { extractLine, packReadings, readParagraphs } from "./documentReading.js";
import { packWords, sentenceWords } from "../index/sentenceWords.js";
import type { ReadBatch, ReadBatchResult, WorkerReading } from "./parallelRead.js";

parentPort?.on("message", (batch: ReadBatch) => {
  const results = batch.texts.map((text, i): WorkerReading => {
    try {
      const hardWrapped = batch.hardWrapped[i];
      const readings = readParagraphs({ lines: text.split("\n"), ...(hardWrapped === undefined ? {} : { hardWrapped }) }, extractLine);
      if (!batch.words) return { packed: packReadings(readings) };
      const words = packWords(readings.flatMap(({ paragraph, spans }) => spans.map((span) => sentenceWords(paragraph.text.slice(span.start, span.end)))));
      return { packed: packReadings(readings), words };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  });
  const reply: ReadBatchResult = { id: batch.id, results };
  parentPort!.postMessage(reply, results.flatMap((r) => ("packed" in r ? [r.packed.layout.buffer as ArrayBuffer, ...(r.words ? [r.words.data.buffer as ArrayBuffer] : [])] : [])));
});
