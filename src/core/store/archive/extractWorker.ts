// A worker thread that extracts documents for `grounded archive load` (dist/archiveWorker.js), so
// loading uses every core: extraction is the engine's own code and most of a load's work.
import { parentPort } from "node:worker_threads";
import { extractDocument } from "./extract.js";
import type { SourceDocument } from "../../types.js";

parentPort?.on("message", ({ id, document }: { id: number; document: SourceDocument }) => {
  try {
    parentPort!.postMessage({ id, extracted: extractDocument(document) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
