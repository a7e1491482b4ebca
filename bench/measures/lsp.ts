// Drives the real language server (dist/server.js over stdio) the way an editor does, and times it:
// indexing with progress, responsiveness while indexing, check, hover, completion, re-check, search,
// and the server's memory. The benchmark process plays the editor, so its event-loop lag is the
// client's lag while the server indexes.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver-protocol/node";
import type { Position, PublishDiagnosticsParams } from "vscode-languageserver-protocol";
import { summarize, type Summary } from "./stats.js";

export interface ServerInput {
  workspace: string;
  /** The server's storage folder for its persisted index (empty at the start: a cold index). */
  cacheDir: string;
  draftText: string;
  hover: Position[];
  completion: Position[];
  queries: string[];
  /** Offsets of one-character insertions, in order (bench/positions.ts keystrokeOffsets). */
  keystrokes: number[];
  /** Extra flags for the server's node (a profile: `--cpu-prof`). */
  nodeFlags?: string[];
}

export interface ServerResult {
  indexMs: number;
  progressReports: number;
  clientLagWhileIndexing: Summary;
  /** Round trips of a trivial request sent every 50 ms while the server indexes. */
  statusWhileIndexing: Summary;
  /** The first check after indexing: open to diagnostics, with everything worked out once per index still to do. */
  checkMs: number;
  /** The same draft opened again under another name once the first is checked: a full check with the index's caches warm. */
  secondCheckMs: number;
  hover: Summary;
  completion: Summary;
  /** didChange to diagnostics, minus the server's 200 ms debounce. */
  recheck: Summary;
  search: Summary;
  memory: { heapUsed: number; rss: number; peakRss: number };
}

const SERVER = path.resolve(__dirname, "..", "..", "dist", "server.js");
const PROBE = path.resolve(__dirname, "..", "probe.cjs");
const DEBOUNCE_MS = 200;

export function peakRss(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

export async function measureServer(input: ServerInput): Promise<ServerResult> {
  const child = spawn(process.execPath, [...(input.nodeFlags ?? []), "--expose-gc", "-r", PROBE, SERVER, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
  const memoryWaiters: Array<(m: NodeJS.MemoryUsage) => void> = [];
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    let newline: number;
    while ((newline = stderr.indexOf("\n")) >= 0) {
      const line = stderr.slice(0, newline);
      stderr = stderr.slice(newline + 1);
      if (line.startsWith("GROUNDED_BENCH_MEMORY ")) memoryWaiters.shift()?.(JSON.parse(line.slice(22)) as NodeJS.MemoryUsage);
    }
  });
  const memory = () => new Promise<NodeJS.MemoryUsage>((resolve) => {
    memoryWaiters.push(resolve);
    child.kill("SIGUSR2");
  });

  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  let progressReports = 0;
  let indexed: () => void = () => undefined;
  const indexedPromise = new Promise<void>((resolve) => (indexed = resolve));
  const diagnosticWaiters: Array<{ uri: string; version: number; resolve: () => void }> = [];
  connection.onNotification("$/progress", () => {
    progressReports++;
  });
  connection.onNotification("grounded/status", (status: { indexing: boolean; sources: number }) => {
    if (!status.indexing && status.sources > 0) indexed();
  });
  connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
    for (const waiter of [...diagnosticWaiters]) {
      if (params.uri === waiter.uri && (params.version === undefined || params.version >= waiter.version)) {
        diagnosticWaiters.splice(diagnosticWaiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  });
  connection.onRequest("workspace/configuration", () => [{}]);
  connection.onRequest("window/workDoneProgress/create", () => null);
  connection.onRequest("client/registerCapability", () => null);
  connection.listen();
  await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: [{ uri: pathToFileURL(input.workspace).toString(), name: "bench" }],
    capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true } },
    // As VS Code runs it: with a storage folder for the persisted index.
    initializationOptions: { trusted: true, cacheDir: input.cacheDir },
  });

  // Indexing: the client's event loop and the server's answers meanwhile.
  const lag = monitorEventLoopDelay({ resolution: 10 });
  const statusTimes: number[] = [];
  let indexing = true;
  const poll = (async () => {
    while (indexing) {
      const start = performance.now();
      await connection.sendRequest("grounded/status");
      statusTimes.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  lag.enable();
  const indexStart = performance.now();
  await connection.sendNotification("initialized", {});
  await indexedPromise;
  const indexMs = performance.now() - indexStart;
  lag.disable();
  indexing = false;
  await poll;
  const lagMs = [lag.percentile(50), lag.percentile(95), lag.percentile(99), lag.max].map((ns) => ns / 1e6);

  const uri = pathToFileURL(path.join(input.workspace, "draft.md")).toString();
  const diagnostics = (version: number, of = uri) => new Promise<void>((resolve) => diagnosticWaiters.push({ uri: of, version, resolve }));
  let version = 1;
  let text = input.draftText;
  const checkStart = performance.now();
  const firstDiagnostics = diagnostics(version);
  await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "markdown", version, text } });
  await firstDiagnostics;
  const checkMs = performance.now() - checkStart;
  const copyUri = pathToFileURL(path.join(input.workspace, "draft-copy.md")).toString();
  const secondStart = performance.now();
  const secondDiagnostics = diagnostics(1, copyUri);
  await connection.sendNotification("textDocument/didOpen", { textDocument: { uri: copyUri, languageId: "markdown", version: 1, text } });
  await secondDiagnostics;
  const secondCheckMs = performance.now() - secondStart;
  await connection.sendNotification("textDocument/didClose", { textDocument: { uri: copyUri } });

  const roundTrips = async (method: string, positions: Position[]) => {
    const times: number[] = [];
    for (const position of positions) {
      const start = performance.now();
      await connection.sendRequest(method, { textDocument: { uri }, position });
      times.push(performance.now() - start);
    }
    return summarize(times);
  };
  const hover = await roundTrips("textDocument/hover", input.hover);
  const completion = await roundTrips("textDocument/completion", input.completion);

  // Keystrokes inside words of random paragraphs: each should re-check only its sentence.
  const recheckTimes: number[] = [];
  for (const offset of input.keystrokes) {
    const line = text.slice(0, offset).split("\n").length - 1;
    const character = offset - (text.lastIndexOf("\n", offset - 1) + 1);
    text = `${text.slice(0, offset)}x${text.slice(offset)}`;
    version++;
    const done = diagnostics(version);
    const start = performance.now();
    await connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: "x" }],
    });
    await done;
    recheckTimes.push(Math.max(0, performance.now() - start - DEBOUNCE_MS));
  }

  const searchTimes: number[] = [];
  for (const query of input.queries) {
    const start = performance.now();
    await connection.sendRequest("grounded/search", { query, limit: 30 });
    searchTimes.push(performance.now() - start);
  }

  const usage = await memory();
  const peak = peakRss(child.pid!);
  await connection.sendRequest("shutdown").catch(() => undefined);
  // Given a moment to exit by itself, so a profile it was asked for is written.
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await connection.sendNotification("exit").catch(() => undefined);
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  connection.dispose();
  child.kill();
  return {
    indexMs,
    progressReports,
    clientLagWhileIndexing: { n: lag.count, p50: lagMs[0]!, p95: lagMs[1]!, p99: lagMs[2]!, max: lagMs[3]! },
    statusWhileIndexing: summarize(statusTimes),
    checkMs,
    secondCheckMs,
    hover,
    completion,
    recheck: summarize(recheckTimes),
    search: summarize(searchTimes),
    memory: { heapUsed: usage.heapUsed, rss: usage.rss, peakRss: peak },
  };
}
