// Extraction in this thread, or spread over worker threads (one per core) when their script exists.
import { Worker } from "node:worker_threads";
import { extractDocument, type ExtractedDocument } from "./extract.js";
import type { SourceDocument } from "../../types.js";

export interface Extractor {
  extract(document: SourceDocument): Promise<ExtractedDocument>;
  /** How many extractions may usefully be in flight. */
  readonly parallel: number;
  close(): Promise<void>;
}

export function inThread(): Extractor {
  return {
    parallel: 1,
    extract: async (document) => {
      // Synchronous work: let the database's replies in between documents.
      await new Promise((resolve) => setImmediate(resolve));
      return extractDocument(document);
    },
    close: async () => undefined,
  };
}

export function inWorkers(script: string, count: number): Extractor {
  const workers = Array.from({ length: count }, () => new Worker(script));
  const pending = new Map<number, { resolve: (e: ExtractedDocument) => void; reject: (error: Error) => void }>();
  for (const worker of workers) {
    worker.on("message", (reply: { id: number; extracted?: ExtractedDocument; error?: string }) => {
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.extracted) waiting?.resolve(reply.extracted);
      else waiting?.reject(new Error(reply.error ?? "extraction failed"));
    });
    worker.on("error", (error) => {
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    });
  }
  let next = 0;
  return {
    parallel: count * 2,
    extract: (document) =>
      new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        workers[id % count]!.postMessage({ id, document });
      }),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
