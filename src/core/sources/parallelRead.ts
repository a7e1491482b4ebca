// Reads source documents in worker threads (readWorker.ts), a few batches ahead of the main thread,
// which adds each document to the index as its reading arrives, in order. Readers run the figure and
// name grammars and work out each sentence's words and figure contexts (sentenceWords.ts); the main
// thread only numbers and adds them, so it bounds the build as little as it can.
import { existsSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { unpackReadings, type PackedReading, type ParagraphReading } from "./documentReading.js";
import type { SourceDocument } from "../types.js";
import { ReaderNumbers, type BuildNumbering, type PackedWords } from "../index/sentenceWords.js";

export interface ReadBatch {
  id: number;
  /** Each document's lines joined by "\n" (one string crosses to a worker faster than an array). */
  texts: string[];
  /** Each document's hard-wrapping when decided beforehand (an archive decides it over the whole document). */
  hardWrapped: Array<boolean | undefined>;
  /** Whether to count the sentence search's terms too (not for an index without a search of its own). */
  search: boolean;
}
export type WorkerReading = { packed: PackedReading; words: PackedWords } | { error: string };
export interface ReadBatchResult {
  id: number;
  results: WorkerReading[];
}

/**
 * A document's reading with its sentences' words, or why reading it failed; undefined: no worker
 * could read it (read it here).
 */
export type ParallelReading = { readings: ParagraphReading[]; words: { packed: PackedWords; numbers: ReaderNumbers } } | { error: string } | undefined;

/**
 * Worker threads for indexing: every core, or every core but one when the main thread must keep
 * answering requests, but two at least on two cores: readers do three quarters of the work, so with
 * one the main thread, which only adds what they read, would leave its core mostly idle.
 * GROUNDED_READERS overrides it (0: read on the main thread), to measure.
 */
export function readerThreads(leaveOneForRequests: boolean): number {
  const forced = Number(process.env["GROUNDED_READERS"]);
  if (process.env["GROUNDED_READERS"] !== undefined && Number.isInteger(forced) && forced >= 0) return forced;
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return cores <= 1 ? 1 : Math.max(2, leaveOneForRequests ? cores - 1 : cores);
}

/** The bundled worker: beside the running bundle (dist/), or dist/ when running from the sources. */
export function readWorkerFile(): string | undefined {
  return [path.join(__dirname, "readWorker.js"), path.join(__dirname, "..", "..", "..", "dist", "readWorker.js")].find((file) => existsSync(file));
}

/** About this many characters a batch: small enough to keep every worker busy, large enough that messages are few. */
const BATCH_CHARS = 256 * 1024;
const BATCH_DOCUMENTS = 64;

/**
 * A reader's young generation: a batch's garbage dies young, and V8's default lets each reader's
 * heap grow well past what it holds (real 20 MB slice: peak RSS of the CLI's first check 523 -> ~460 MB,
 * no more CPU).
 */
const READER_YOUNG_GENERATION_MB = 8;

interface Batch {
  from: number;
  to: number;
  results: Promise<WorkerReading[] | undefined>;
  settle: (results: WorkerReading[] | undefined) => void;
  /** The numbers of the worker that read it. */
  numbers?: ReaderNumbers;
}

export class ParallelReader {
  private readonly batches: Batch[] = [];
  private readonly batchOf: Int32Array;
  private readonly workers: Array<{ worker: Worker; inFlight: Set<number>; numbers: ReaderNumbers }> = [];
  private nextToSend = 0;
  private consumed = 0;
  private closed = false;

  /** `numbering`: the build's, which each worker's numbers are translated to; `search`: readers count the sentence search's terms too. */
  constructor(
    private readonly documents: readonly SourceDocument[],
    threads: number,
    workerFile: string,
    private readonly numbering: BuildNumbering,
    private readonly search = true,
  ) {
    this.batchOf = new Int32Array(documents.length);
    for (let from = 0; from < documents.length; ) {
      let to = from;
      let chars = 0;
      while (to < documents.length && to - from < BATCH_DOCUMENTS && (to === from || chars < BATCH_CHARS)) {
        for (const line of documents[to]!.lines) chars += line.length + 1;
        this.batchOf[to] = this.batches.length;
        to++;
      }
      let settle!: Batch["settle"];
      const results = new Promise<WorkerReading[] | undefined>((resolve) => (settle = resolve));
      this.batches.push({ from, to, results, settle });
      from = to;
    }
    for (let i = 0; i < Math.min(threads, this.batches.length); i++) this.startWorker(workerFile);
    this.pump();
  }

  private startWorker(file: string): void {
    const entry = { worker: new Worker(file, { resourceLimits: { maxYoungGenerationSizeMb: READER_YOUNG_GENERATION_MB } }), inFlight: new Set<number>(), numbers: new ReaderNumbers(this.numbering) };
    this.workers.push(entry);
    entry.worker.on("message", (reply: ReadBatchResult) => {
      entry.inFlight.delete(reply.id);
      // The worker's new words in the order it numbered them (its replies come in that order).
      for (const result of reply.results) if ("words" in result) entry.numbers.receive(result.words);
      const batch = this.batches[reply.id]!;
      batch.numbers = entry.numbers;
      batch.settle(reply.results);
      this.pump();
    });
    // A worker that fails hands its batches back: the main thread reads them itself.
    const lost = () => {
      const at = this.workers.indexOf(entry);
      if (at >= 0) this.workers.splice(at, 1);
      for (const id of entry.inFlight) this.batches[id]!.settle(undefined);
      entry.inFlight.clear();
      this.pump();
    };
    entry.worker.on("error", lost);
    entry.worker.on("exit", lost);
  }

  /** Sends batches to idle workers, at most a few ahead of the document being added (bounded memory). */
  private pump(): void {
    if (this.closed) return;
    const ahead = Math.max(2, this.workers.length * 2);
    while (this.nextToSend < this.batches.length && this.nextToSend <= this.consumed + ahead) {
      if (this.workers.length === 0) {
        // No worker left: whatever was not sent is read on the main thread.
        for (; this.nextToSend < this.batches.length; this.nextToSend++) this.batches[this.nextToSend]!.settle(undefined);
        return;
      }
      const idle = this.workers.reduce((best, w) => (w.inFlight.size < best.inFlight.size ? w : best));
      if (idle.inFlight.size >= 2) return;
      const id = this.nextToSend++;
      const batch = this.batches[id]!;
      idle.inFlight.add(id);
      const documents = this.documents.slice(batch.from, batch.to);
      const message: ReadBatch = { id, texts: documents.map((d) => d.lines.join("\n")), hardWrapped: documents.map((d) => d.hardWrapped), search: this.search };
      idle.worker.postMessage(message);
    }
  }

  /** The reading of document `i`; documents are asked for in order. */
  async read(i: number): Promise<ParallelReading> {
    const id = this.batchOf[i]!;
    const batch = this.batches[id]!;
    if (id > this.consumed) {
      this.consumed = id;
      this.pump();
    }
    const results: Array<WorkerReading | undefined> | undefined = await batch.results;
    const result = results?.[i - batch.from];
    // Batches stay listed for the whole build: what was handed out must not stay with them.
    if (results) results[i - batch.from] = undefined;
    // Every batch is in (documents are asked for in order): the readers' heaps need not outlive them
    // into the build's finishing passes, where the main heap is at its largest.
    if (id === this.batches.length - 1) this.close();
    if (!result) return undefined;
    if ("error" in result) return result;
    return { readings: unpackReadings(this.documents[i]!.lines, result.packed), words: { packed: result.words, numbers: batch.numbers! } };
  }

  /** Stops every worker (after the build, or when it is cancelled). */
  close(): void {
    this.closed = true;
    for (const { worker } of this.workers.splice(0)) void worker.terminate();
  }
}
