// A worker thread that reads source documents (parallelRead.ts sends them in batches): paragraphs,
// sentences, figures and names of each, and the words and figure contexts of each sentence as the
// index keeps them, packed for the main thread. Bundled as dist/readWorker.js.
import { parentPort } from "node:worker_threads";
import { extractLine, packReadings, readParagraphs } from "./documentReading.js";
import { packDocumentWords, WordNumberer } from "../index/sentenceWords.js";
import type { ReadBatch, ReadBatchResult, WorkerReading } from "./parallelRead.js";

/** This reader's numbers for words, across every batch it reads (the main thread keeps their translation). */
const numberer = new WordNumberer();

parentPort?.on("message", (batch: ReadBatch) => {
  const results = batch.texts.map((text, i): WorkerReading => {
    try {
      const hardWrapped = batch.hardWrapped[i];
      const readings = readParagraphs({ lines: text.split("\n"), ...(hardWrapped === undefined ? {} : { hardWrapped }) }, extractLine);
      return { packed: packReadings(readings), words: packDocumentWords(readings, batch.search, numberer) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  });
  const reply: ReadBatchResult = { id: batch.id, results };
  const buffers = results.flatMap((r) => ("packed" in r ? [r.packed.layout.buffer, r.words.data.buffer, r.words.weights.buffer] : []));
  parentPort!.postMessage(reply, buffers as ArrayBuffer[]);
});
