// The Grounded language server: wires the engine to LSP. Indexing runs here, in the server's
// own process, so a large corpus never blocks the editor.
import {
  createConnection, DidChangeConfigurationNotification, MessageType, ProposedFeatures, ShowMessageNotification, TextDocuments, TextDocumentSyncKind,
  type Connection, type DidChangeConfigurationParams, type ExecuteCommandParams, type InitializeParams, type InitializeResult,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  citedPlace, type CorpusIndex, type FactKind, factsOf, type Finding, placeInSource, renderReportHtml,
  sourceDisagreements, summarize,
} from "../core/index.js";
import { CancelledError } from "../util/cancellation.js";
import { CorpusService, resolveRoots } from "./corpusService.js";
import { DocumentCache } from "./documentCache.js";
import { guard, logOnce } from "./guard.js";
import { CodeActionProvider, IGNORE_COMMAND } from "./features/codeActions.js";
import { CompletionProvider } from "./features/completion.js";
import { toDiagnostics } from "./features/diagnostics.js";
import { HoverProvider } from "./features/hover.js";
import { OPEN_SOURCE_COMMAND, sourceUri, type MarkupFlavour } from "./markdown.js";
import { FactsRequest, ReportRequest, SearchRequest, StatusNotification, StatusRequest, type FactsParams, type ReportParams, type SearchParams, type SearchResultItem, type StatusParams } from "./protocol.js";
import { SourceTextRequest, type SourceTextParams } from "./protocol.js";
import { extractedPage, sourceText } from "./sourceText.js";
import { ArchiveLink } from "./archiveLink.js";
import { DEFAULT_SETTINGS, parseSettings, type Settings } from "./settings.js";

const DIAGNOSTIC_DELAY_MS = 200;
/** Opening or closing drafts that sit among the sources changes what is indexed: once per burst. */
const DRAFTS_REINDEX_DELAY_MS = 300;
/** The "no sources" notice waits for settings a client sends just after starting. */
const NOTICE_DELAY_MS = 500;

const NO_SOURCES_NOTICE: Record<"unset" | "untrusted", string> = {
  unset:
    "Grounded has no sources to check against. Set grounded.corpus to the folder of your source documents " +
    "(in your editor's settings for the grounded language server), or add a corpus/ folder to the workspace.",
  untrusted: "Grounded reads no file of an untrusted workspace, so it has no sources to check against.",
};

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new DocumentCache((message) => logFault(message));
  let settings: Settings = DEFAULT_SETTINGS;
  let workspaceFolders: string[] = [];
  let trusted = true;
  let supportsConfiguration = false;
  let supportsWorkspaceFolders = false;
  let supportsShowDocument = false;
  /** Our VS Code extension draws codicons and runs our commands; every other client gets plain Markdown. */
  let flavour: MarkupFlavour = "plain";
  /** Settings a client pushed with workspace/didChangeConfiguration (Neovim 0.7 cannot be asked). */
  let pushedSettings: unknown;
  /** Figures ignored with the code action in editors whose settings the server cannot write. */
  const sessionIgnore = new Set<string>();
  const noticesShown = new Set<string>();
  let noticeTimer: NodeJS.Timeout | undefined;
  let draftsTimer: NodeJS.Timeout | undefined;
  let indexing = false;
  const reportedProblems = new Set<string>();
  const timers = new Map<string, NodeJS.Timeout>();
  const contradictions: Record<string, number> = {};

  const log = (message: string) => connection.console.log(message);
  const logFault = logOnce(log);
  const corpus = new CorpusService(
    { progress: (done, total, file) => progress?.report(total ? Math.round((done / total) * 100) : 0, `Indexing sources ${done}/${total} (${file})`), log },
    () => {
      for (const document of documents.all()) scheduleCheck(document, 0);
      sendStatus();
    },
  );
  let progress: { report(percent: number, message: string): void; done(): void } | undefined;

  const index = (): CorpusIndex | undefined => corpus.index;
  // A source opened in the editor is not a draft: it would only be checked against itself.
  const isDraft = (document: TextDocument) =>
    settings.languages.includes(document.languageId) && !(document.uri.startsWith("file:") && corpus.isSource(fileURLToPath(document.uri)));
  const ignored = () => (sessionIgnore.size ? [...settings.ignore, ...sessionIgnore] : settings.ignore);
  const findingsOf = (document: TextDocument): Finding[] => {
    const current = index();
    if (!current || !isDraft(document)) return [];
    return cache.findings(document, current, corpus.version, ignored());
  };

  /** A message that never waits for an answer: a request would block some editors (Neovim's prompt). */
  const notify = (type: MessageType, message: string) => void connection.sendNotification(ShowMessageNotification.type, { type, message });

  let archivePassword: string | undefined;
  const archive = new ArchiveLink(log, (message) => notify(MessageType.Warning, message), () => archivePassword ?? process.env["GROUNDED_ARCHIVE_PASSWORD"]);
  /** Why there is nothing to check against, if so: no folder and no archive either. */
  const sourcesMissing = () => (settings.archive ? undefined : corpus.missing);

  const hover = new HoverProvider({ index, findings: (d) => findingsOf(d as TextDocument), flavour: () => flavour });
  const completion = new CompletionProvider({ index, citationStyle: () => settings.citationStyle, flavour: () => flavour });
  const codeActions = new CodeActionProvider(() => flavour);

  /** Tells an editor other than VS Code (whose extension shows its own notice) that there is nothing to check against. */
  function noticeNoSources(): void {
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => {
      const missing = sourcesMissing();
      if (!missing || flavour === "vscode" || indexing || noticesShown.has(missing)) return;
      if (!documents.all().some((d) => settings.languages.includes(d.languageId))) return;
      noticesShown.add(missing);
      log(NO_SOURCES_NOTICE[missing]);
      notify(MessageType.Warning, NO_SOURCES_NOTICE[missing]);
    }, NOTICE_DELAY_MS);
  }

  /** Drafts open from a folder that holds sources too are left out of the sources (reindexed once per burst). */
  function draftsChanged(): void {
    const open = documents
      .all()
      .filter((d) => settings.languages.includes(d.languageId) && d.uri.startsWith("file:"))
      .map((d) => fileURLToPath(d.uri));
    if (!corpus.setOpenDrafts(open)) return;
    clearTimeout(draftsTimer);
    draftsTimer = setTimeout(() => void corpus.reload().catch((error: unknown) => log(`Reindexing failed: ${String(error)}`)), DRAFTS_REINDEX_DELAY_MS);
  }

  function sendStatus(message?: string): void {
    const status: StatusParams = {
      indexing,
      sources: index()?.documents.length ?? 0,
      skipped: [...corpus.skipped],
      contradictions,
      ...(message ? { message } : {}),
      ...(archive.state !== "off" ? { archive: archive.state } : {}),
      ...(sourcesMissing() && !indexing ? { missing: sourcesMissing() } : {}),
    };
    void connection.sendNotification(StatusNotification, status);
  }

  function check(document: TextDocument): void {
    const current = index();
    if (!current) return;
    if (!isDraft(document) || (current.documents.length === 0 && archive.state !== "connected")) {
      void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      return;
    }
    try {
      const findings = findingsOf(document);
      const diagnostics = toDiagnostics(current, findings, settings.unverifiable);
      contradictions[document.uri] = findings.filter((f) => f.verdict === "contradicted").length;
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
      sendStatus();
      if (archive.state === "connected") void checkWithArchive(document, current);
    } catch (error) {
      if (!(error instanceof CancelledError)) log(`Checking ${document.uri} failed: ${String(error)}`);
    }
  }

  /** The same draft against the local folders and the archive together; replaces the local-only diagnostics. */
  async function checkWithArchive(document: TextDocument, current: CorpusIndex): Promise<void> {
    const findings = await archive.check(document.getText(), current, settings.ignore);
    if (!findings || documents.get(document.uri)?.version !== document.version) return sendStatus();
    contradictions[document.uri] = findings.filter((f) => f.verdict === "contradicted").length;
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: toDiagnostics(current, findings, settings.unverifiable) });
    sendStatus();
  }

  function scheduleCheck(document: TextDocument, delay = DIAGNOSTIC_DELAY_MS): void {
    clearTimeout(timers.get(document.uri));
    timers.set(
      document.uri,
      setTimeout(() => {
        timers.delete(document.uri);
        const latest = documents.get(document.uri);
        if (latest) check(latest);
      }, delay),
    );
  }

  async function loadSettings(): Promise<void> {
    let raw: unknown = pushedSettings ?? {};
    if (supportsConfiguration) {
      try {
        raw = await connection.workspace.getConfiguration("grounded");
      } catch {
        raw = {};
      }
    }
    const parsed = parseSettings(raw);
    settings = parsed.settings;
    for (const problem of parsed.problems) {
      if (reportedProblems.has(problem)) continue;
      reportedProblems.add(problem);
      log(problem);
      notify(MessageType.Warning, `Grounded: ${problem}`);
    }
  }

  async function reindex(): Promise<void> {
    indexing = true;
    sendStatus("Indexing sources…");
    const reporter = await connection.window.createWorkDoneProgress().catch(() => undefined);
    reporter?.begin("Grounded", 0, "Indexing sources", false);
    progress = reporter ? { report: (p, m) => reporter.report(p, m), done: () => reporter.done() } : undefined;
    try {
      await corpus.configure(resolveRoots(workspaceFolders, settings, trusted), settings);
    } catch (error) {
      log(`Indexing failed: ${String(error)}`);
      notify(MessageType.Error, `Grounded could not index the sources: ${String(error)}`);
    } finally {
      indexing = false;
      progress?.done();
      progress = undefined;
      sendStatus();
      noticeNoSources();
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    supportsConfiguration = Boolean(params.capabilities?.workspace?.configuration);
    supportsWorkspaceFolders = Boolean(params.capabilities?.workspace?.workspaceFolders);
    supportsShowDocument = Boolean(params.capabilities?.window?.showDocument?.support);
    const options = (params.initializationOptions ?? {}) as { trusted?: boolean; cacheDir?: unknown; editor?: unknown; archivePassword?: unknown };
    if (typeof options.archivePassword === "string" && options.archivePassword) archivePassword = options.archivePassword;
    // Only our extension registers grounded.openSource and turns codicons on: any other client,
    // VS Code with a generic LSP client included, gets plain Markdown and file: links.
    flavour = options.editor === "vscode" ? "vscode" : "plain";
    trusted = options.trusted !== false;
    if (typeof options.cacheDir === "string" && options.cacheDir.length > 0) corpus.cacheDir = options.cacheDir;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceFolders = folders.filter((uri) => uri.startsWith("file:")).map((uri) => fileURLToPath(uri));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ["$", "€", "£", "₩", "¥", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"], resolveProvider: false },
        codeActionProvider: { codeActionKinds: ["quickfix"] },
        // VS Code's extension registers these commands itself; announcing them would clash with it.
        ...(flavour === "vscode" ? {} : { executeCommandProvider: { commands: [OPEN_SOURCE_COMMAND, IGNORE_COMMAND] } }),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: "grounded", version: "0.1.0" },
    };
  });

  connection.onInitialized(async () => {
    if (supportsWorkspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => fileURLToPath(f.uri)));
        workspaceFolders = [...workspaceFolders.filter((f) => !removed.has(f)), ...event.added.map((f) => fileURLToPath(f.uri))];
        void reindex();
      });
    }
    if (supportsConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
    await loadSettings();
    await archive.configure(settings.archive);
    await reindex();
  });

  connection.onDidChangeConfiguration(async (params: DidChangeConfigurationParams) => {
    // Pushed settings arrive as { grounded: { … } } (Neovim, Helix); VS Code sends none and is asked.
    const pushed = params?.settings && typeof params.settings === "object" ? (params.settings as Record<string, unknown>)["grounded"] : undefined;
    if (pushed !== undefined && pushed !== null) pushedSettings = pushed;
    const before = corpus.indexKey(resolveRoots(workspaceFolders, settings, trusted), settings);
    await loadSettings();
    await archive.configure(settings.archive);
    // Only settings that change what is indexed rebuild the index; the rest just re-check drafts.
    if (corpus.indexKey(resolveRoots(workspaceFolders, settings, trusted), settings) !== before || !corpus.index) await reindex();
    else for (const document of documents.all()) scheduleCheck(document, 0);
  });
  // Without sources, a new file may be the user's new corpus/ folder: look for the folders again.
  connection.onDidChangeWatchedFiles(() => (corpus.missing === "unset" ? void reindex() : corpus.sourcesChanged()));

  // Opening fires both events: the open is checked at once, not debounced like typing.
  const opened = new Map<string, number>();
  documents.onDidOpen((event) => {
    opened.set(event.document.uri, event.document.version);
    scheduleCheck(event.document, 0);
    draftsChanged();
    noticeNoSources();
  });
  documents.onDidChangeContent((event) => {
    if (opened.get(event.document.uri) === event.document.version) return;
    opened.delete(event.document.uri);
    scheduleCheck(event.document);
  });
  documents.onDidClose((event) => {
    clearTimeout(timers.get(event.document.uri));
    opened.delete(event.document.uri);
    cache.forget(event.document.uri);
    delete contradictions[event.document.uri];
    draftsChanged();
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onHover(guard("Hover", logFault, null, (params, token) => {
    const document = documents.get(params.textDocument.uri);
    return document && isDraft(document) ? hover.provideHover(document, params.position, token) : null;
  }));
  connection.onCompletion(guard("Completion", logFault, [], (params, token) => {
    const document = documents.get(params.textDocument.uri);
    return document && isDraft(document) ? completion.provideCompletion(document, params.position, token) : [];
  }));
  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? codeActions.provideCodeActions(document, params.context.diagnostics) : [];
  });

  connection.onExecuteCommand(async (params: ExecuteCommandParams) => {
    const [first, second] = params.arguments ?? [];
    if (params.command === OPEN_SOURCE_COMMAND) {
      // Arguments come back from our own code actions; still, accept only a file URI and a line.
      if (typeof first !== "string" || !first.startsWith("file:") || typeof second !== "number" || !Number.isInteger(second) || second < 0) return null;
      const at = { line: second, character: 0 };
      // An editor cannot show a PDF or Word file as text: the system's viewer opens it (a PDF at its page).
      const page = extractedPage(index(), first, second);
      if (supportsShowDocument && page !== undefined) return connection.window.showDocument({ uri: page ? `${first}#page=${page}` : first, external: true });
      if (supportsShowDocument) return connection.window.showDocument({ uri: first, takeFocus: true, selection: { start: at, end: at } });
      notify(MessageType.Info, `Source: ${fileURLToPath(first)}:${second + 1}`);
      return null;
    }
    if (params.command === IGNORE_COMMAND) {
      if (typeof first !== "string" || first.length === 0 || first.length > 200) return null;
      sessionIgnore.add(first);
      for (const document of documents.all()) scheduleCheck(document, 0);
      notify(MessageType.Info, `Grounded ignores "${first}" until the editor restarts; add it to grounded.ignore in your settings to keep it ignored.`);
      return null;
    }
    return null;
  });

  connection.onRequest(SearchRequest, guard("Search", logFault, [], (params: SearchParams): SearchResultItem[] => {
    const current = index();
    if (!current || typeof params?.query !== "string") return [];
    const limit = Math.min(Math.max(1, Number(params.limit) || 30), 200);
    return current.search(params.query.slice(0, 500), { limit }).map((hit) => ({
      uri: sourceUri(current, hit.sentence.path) ?? pathToFileURL(hit.sentence.path).toString(),
      path: hit.sentence.path,
      line: hit.sentence.line,
      ...citedPlace(hit.sentence, hit.sentence.line),
      text: hit.sentence.text,
      score: hit.score,
      highlights: hit.highlights,
    }));
  }));
  connection.onRequest(FactsRequest, (params: FactsParams) => {
    const current = index();
    if (!current) return [];
    const kind = typeof params?.kind === "string" ? (params.kind as FactKind) : undefined;
    return factsOf(current, kind).map((fact) => ({ ...fact, uri: sourceUri(current, fact.path) }));
  });
  connection.onRequest(StatusRequest, () => ({ indexing, sources: index()?.documents.length ?? 0, skipped: [...corpus.skipped], contradictions, ...(sourcesMissing() ? { missing: sourcesMissing() } : {}) }));
  connection.onRequest(ReportRequest, (params: ReportParams): { report?: ReturnType<typeof summarize> } => {
    const document = documents.get(params?.uri);
    return document ? { report: summarize(document.uri, findingsOf(document)) } : {};
  });
  connection.onRequest("grounded/disagreements", () => {
    const current = index();
    if (!current) return [];
    return sourceDisagreements(current).map((d) => ({ ...d, sides: d.sides.map((side) => ({ ...side, uri: sourceUri(current, side.path) })) }));
  });
  connection.onRequest("grounded/sources", () => {
    const current = index();
    if (!current) return { documents: [], skipped: [] };
    const figures = new Map<string, Array<{ kind: string; value: string; line: number; page?: number }>>();
    for (const source of current.sourceFigures) {
      const list = figures.get(source.sentence.path) ?? [];
      const line = placeInSource(source.sentence, source.figure.start).line;
      list.push({ kind: source.figure.kind, value: source.figure.text, line, ...citedPlace(source.sentence, line) });
      figures.set(source.sentence.path, list);
    }
    const names = new Map<string, Array<{ name: string; kind: string; line: number }>>();
    for (const entity of current.names.all()) {
      for (const path of new Set(entity.mentions.map((m) => m.path))) {
        const first = entity.mentions.find((m) => m.path === path)!;
        const list = names.get(path) ?? [];
        list.push({ name: entity.canonical, kind: entity.kind, line: first.line });
        names.set(path, list);
      }
    }
    return {
      documents: current.documents.map((d) => ({
        path: d.path,
        uri: sourceUri(current, d.path),
        title: d.title,
        date: d.date,
        figures: figures.get(d.path) ?? [],
        names: names.get(d.path) ?? [],
      })),
      skipped: [...current.skipped],
    };
  });
  connection.onRequest("grounded/check", (params: ReportParams): { contradictions?: number } => {
    const document = documents.get(params?.uri);
    if (!document || !isDraft(document)) return {};
    cache.forget(document.uri);
    check(document);
    return { contradictions: contradictions[document.uri] ?? 0 };
  });
  connection.onRequest("grounded/reindex", async () => {
    await reindex();
    return { sources: index()?.documents.length ?? 0 };
  });
  connection.onRequest("grounded/reportHtml", (params: ReportParams & { nonce?: string }): { html?: string } => {
    const document = documents.get(params?.uri);
    if (!document) return {};
    const absolute = document.uri.startsWith("file:") ? fileURLToPath(document.uri) : document.uri;
    const folder = workspaceFolders.find((f) => absolute.startsWith(f + "/"));
    const path = folder ? absolute.slice(folder.length + 1) : absolute;
    return { html: renderReportHtml([summarize(path, findingsOf(document))], undefined, params.nonce) };
  });

  connection.onRequest(SourceTextRequest, (params: SourceTextParams) => sourceText(index(), params));

  connection.onShutdown(() => {
    clearTimeout(noticeTimer);
    clearTimeout(draftsTimer);
    corpus.dispose();
  });
  documents.listen(connection);
  connection.listen();
}
