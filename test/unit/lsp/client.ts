// A minimal LSP client for tests: spawns the built server over stdio and speaks real LSP to it.
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from "vscode-languageserver-protocol/node";
import type { PublishDiagnosticsParams } from "vscode-languageserver-protocol";

export const serverPath = path.resolve(__dirname, "..", "..", "..", "dist", "server.js");

export interface TestClient {
  connection: ProtocolConnection;
  process: ChildProcess;
  /** Resolves with the next diagnostics for `uri` that satisfy `accept`. */
  diagnostics(uri: string, accept?: (params: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  notifications: Array<{ method: string; params: unknown }>;
  stop(): Promise<void>;
}

export interface ClientOptions {
  /** Announce ourselves as Grounded's VS Code extension (codicons, command links). Default true. */
  vscode?: boolean;
  /** Advertise workspace/configuration (VS Code, Helix); Neovim 0.7 does not. Default true. */
  configuration?: boolean;
  /** Advertise window/showDocument. Default false. */
  showDocument?: boolean;
}

export async function startClient(workspace: string, settings: Record<string, unknown> = {}, options: ClientOptions = {}): Promise<TestClient> {
  const { vscode = true, configuration = true, showDocument = false } = options;
  const child = spawn(process.execPath, [serverPath, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const latest = new Map<string, PublishDiagnosticsParams>();
  const waiters: Array<{ uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  const notifications: Array<{ method: string; params: unknown }> = [];
  connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
    latest.set(params.uri, params);
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && waiter.accept(params)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  });
  connection.onNotification("grounded/status", (params: unknown) => {
    notifications.push({ method: "grounded/status", params });
  });
  for (const method of ["window/showMessage", "window/logMessage"]) connection.onNotification(method, (params: unknown) => {
    notifications.push({ method, params });
  });
  connection.onRequest("window/showMessageRequest", (params: unknown) => {
    notifications.push({ method: "window/showMessageRequest", params });
    return null;
  });
  connection.onRequest("window/showDocument", (params: unknown) => {
    notifications.push({ method: "window/showDocument", params });
    return { success: true };
  });
  connection.onRequest("workspace/configuration", () => [settings]);
  connection.onRequest("window/workDoneProgress/create", () => null);
  connection.onRequest("client/registerCapability", () => null);
  connection.listen();
  await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: [{ uri: `file://${workspace}`, name: "workspace" }],
    capabilities: { workspace: { configuration }, window: { workDoneProgress: true, ...(showDocument ? { showDocument: { support: true } } : {}) } },
    initializationOptions: { trusted: true, ...(vscode ? { editor: "vscode" } : {}) },
  });
  await connection.sendNotification("initialized", {});
  return {
    connection,
    process: child,
    notifications,
    diagnostics(uri, accept = () => true) {
      const known = latest.get(uri);
      if (known && accept(known)) return Promise.resolve(known);
      return new Promise((resolve) => waiters.push({ uri, accept, resolve }));
    },
    async stop() {
      await connection.sendRequest("shutdown", undefined).catch(() => undefined);
      await connection.sendNotification("exit").catch(() => undefined);
      connection.dispose();
      child.kill();
    },
  };
}
