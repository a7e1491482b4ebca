// grounded: check drafts against source documents from the terminal or CI.
//   exit 0: nothing contradicted · 1: something contradicted · 2: usage or input error
import { existsSync, promises as fs } from "node:fs";
import * as path from "node:path";
import { flagValue, parseArgs, UsageError, type FlagSpec, type ParsedArgs } from "./cli/args.js";
import { formatFinding, formatHit, sanitize, SEVERITY, styleFor } from "./cli/format.js";
import {
  bundledCorpusDir, citeLocation, CorpusIndex, DEFAULT_MAX_FILE_SIZE, FACT_KINDS, type FactKind, type Finding,
  loadCorpus, openIndex as openPersistedIndex, pageOrParagraph, readerThreads, renderReportHtml, summarize,
} from "./core/index.js";
import { excludeDrafts } from "./util/draftExclusion.js";
import { ArchiveError, ARCHIVE_HELP, openSources, runArchive } from "./cli/archive.js";

const SOURCE_OPTIONS = `  --corpus DIR        a folder (or file) of source documents; repeatable
  --sample            use the bundled sample corpus (five articles on Vietnam–South Korea) to try Grounded
  --include GLOB      only these source files (repeatable; default **/*.{txt,md,markdown,html,htm})
  --exclude GLOB      skip these source files (repeatable; default node_modules and .git)
  --max-file-size N   skip sources larger than N bytes (default 10 MB)
  --cache DIR         keep the index in DIR; later runs re-read only changed sources`;

const HELP: Record<string, string> = {
  main: `grounded: keep a draft true to its sources

Usage:
  grounded check --corpus DIR... [--format text|json|html] [--all] [--ignore TEXT]... FILE...
  grounded search --corpus DIR... [--limit N] [--format text|json] QUERY
  grounded facts --corpus DIR... [--kind money|percent|date|count|rank|name] [--format text|json]
  grounded archive load|status --archive URL ...
  grounded lsp --stdio
  grounded --version

Sources:
${SOURCE_OPTIONS}
  --archive URL       a shared PostgreSQL archive (or GROUNDED_ARCHIVE), with or without --corpus

Every command needs sources: --corpus DIR, --archive URL, or --sample to try the bundled sample
(grounded check --sample examples/report.md). A draft inside a corpus folder is never its own source.
Run "grounded COMMAND --help" for the options of a command.`,
  check: `grounded check [options] FILE...   (FILE may be - for standard input)

Checks every figure and titled name in each draft against the sources.
${SOURCE_OPTIONS}
  --format text|json|html  output format (default text); html is the draft report with every verdict
  --all               also report supported and unverifiable figures
  --ignore TEXT       a figure or phrase not to check (repeatable)
Exit status: 0 nothing contradicted, 1 something contradicted, 2 usage or input error.`,
  search: `grounded search [options] QUERY

Ranks source sentences for QUERY.
${SOURCE_OPTIONS}
  --limit N           how many results (default 10)
  --format text|json  output format (default text)`,
  archive: ARCHIVE_HELP,
  facts: `grounded facts [options]

Lists what the index knows: every figure and name in the sources.
${SOURCE_OPTIONS}
  --kind KIND         one of money, percent, date, count, rank, name
  --format text|json  output format (default text)`,
  lsp: `grounded lsp --stdio

Runs the language server over standard input and output, for editors (Neovim, Helix, …).
The corpus comes from the editor's settings (grounded.corpus) or the workspace's corpus/ folder.`,
};

const CORPUS_FLAGS: Record<string, FlagSpec> = {
  "--corpus": { value: true, repeatable: true },
  "--sample": {},
  "--include": { value: true, repeatable: true },
  "--exclude": { value: true, repeatable: true },
  "--max-file-size": { value: true },
  "--cache": { value: true },
  "--archive": { value: true },
  "--format": { value: true, choices: ["text", "json"] },
  "--help": {},
  "-h": {},
};

class InputError extends Error {}

function wantsHelp(args: ParsedArgs): boolean {
  return args.booleans.has("--help") || args.booleans.has("-h");
}

/** The corpus folders the user chose: never the sample unless asked for. */
function chosenRoots(args: ParsedArgs): string[] {
  const roots = [...(args.flags.get("--corpus") ?? [])];
  if (args.booleans.has("--sample")) roots.push(bundledCorpusDir());
  if (roots.length === 0) {
    throw new InputError(
      "no sources to check against: give the folder of your source documents with --corpus DIR\n" +
        "  grounded check --corpus sources/ draft.md\n" +
        "or try Grounded on the bundled sample corpus with --sample\n" +
        "  grounded check --sample examples/report.md",
    );
  }
  return roots;
}

/** `drafts`: the files being checked, kept out of the sources even when they sit in a corpus folder. */
async function openIndex(args: ParsedArgs, drafts: readonly string[] = []): Promise<CorpusIndex> {
  const roots = chosenRoots(args);
  for (const root of roots) {
    const stat = await fs.stat(root).catch(() => undefined);
    if (!stat) throw new InputError(`corpus folder not found: ${root}`);
  }
  const maxSize = flagValue(args, "--max-file-size");
  const maxFileSize = maxSize === undefined ? DEFAULT_MAX_FILE_SIZE : Number(maxSize);
  if (!Number.isFinite(maxFileSize) || maxFileSize <= 0) throw new UsageError(`--max-file-size must be a positive number of bytes (got "${maxSize}")`);
  const exclude = excludeDrafts(roots, drafts.filter((d) => d !== "-"), args.flags.get("--exclude"));
  const options = { roots, include: args.flags.get("--include"), exclude, maxFileSize };
  const cacheDir = flagValue(args, "--cache");
  let index: CorpusIndex;
  if (cacheDir) {
    // The persisted index: unchanged sources are not read again.
    const opened = await openPersistedIndex({ ...options, cacheDir, threads: readerThreads(false) });
    if (opened.problem) process.stderr.write(`grounded: cache: ${sanitize(opened.problem)}\n`);
    index = opened.index;
  } else {
    const loaded = await loadCorpus(options);
    // Every core reads sources while this thread adds them to the index.
    index = await CorpusIndex.buildInSlices(loaded.documents, loaded.skipped, { threads: readerThreads(false), sliceMs: 1000 });
  }
  for (const skipped of index.skipped) process.stderr.write(`grounded: skipped ${sanitize(skipped.path)}: ${skipped.reason}\n`);
  if (index.documents.length === 0) throw new InputError(`no readable source documents in ${roots.join(", ")}`);
  return index;
}

async function readDraft(file: string): Promise<string> {
  if (file === "-") {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }
  const stat = await fs.stat(file).catch(() => undefined);
  if (!stat) throw new InputError(`draft not found: ${file}`);
  if (stat.isDirectory()) throw new InputError(`${file} is a folder; give the draft files to check`);
  try {
    const text = await fs.readFile(file, "utf8");
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

async function runCheck(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { ...CORPUS_FLAGS, "--format": { value: true, choices: ["text", "json", "html"] }, "--all": {}, "--ignore": { value: true, repeatable: true } });
  if (wantsHelp(args)) return help("check");
  if (args.positionals.length === 0) throw new UsageError("check needs at least one draft file (or - for standard input)");
  const drafts = await Promise.all(args.positionals.map(async (file) => ({ file, text: await readDraft(file) })));
  const sources = await openSources(args, () => openIndex(args, args.positionals));
  const all = args.booleans.has("--all");
  const ignore = args.flags.get("--ignore") ?? [];
  const results: Array<{ path: string; shownPath: string; findings: Finding[] }> = [];
  for (const { file, text } of drafts) {
    const shownPath = file === "-" ? "<stdin>" : path.relative(process.cwd(), path.resolve(file)).split(path.sep).join("/");
    const html = flagValue(args, "--format") === "html";
    try {
      const findings = (await sources.check(text, ignore)).filter((f) => all || html || f.verdict === "contradicted" || f.verdict === "disputed");
      results.push({ path: file === "-" ? "-" : shownPath, shownPath, findings });
    } catch (error) {
      // One draft the engine fails on must not lose the others' results.
      process.stderr.write(`grounded: internal error checking ${sanitize(shownPath)}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  if (results.length === 0) {
    await sources.close();
    throw new InputError("no draft could be checked");
  }
  const sourceCount = await sources.count();
  await sources.close();
  const contradicted = results.reduce((n, r) => n + r.findings.filter((f) => f.verdict === "contradicted").length, 0);
  if (flagValue(args, "--format") === "html") {
    write(renderReportHtml(results.map((r) => summarize(r.shownPath, r.findings))));
  } else if (flagValue(args, "--format") === "json") {
    const json = { files: results.map((r) => ({ path: r.path, diagnostics: r.findings.map(toDiagnostic) })) };
    write(JSON.stringify(json, null, 2) + "\n");
  } else {
    const style = styleFor(process.stdout);
    for (const result of results) for (const finding of result.findings) write(formatFinding(result.shownPath, finding, style) + "\n");
    const count = (verdict: Finding["verdict"]) => results.reduce((n, r) => n + r.findings.filter((f) => f.verdict === verdict).length, 0);
    const parts = [`${contradicted} contradicted`, `${count("disputed")} disputed`];
    if (all) parts.push(`${count("unverifiable")} unverifiable`, `${count("supported")} supported`);
    write(`\n${parts.join(", ")} in ${results.length} file${results.length === 1 ? "" : "s"} (${sourcesNote(args, sourceCount)})\n`);
  }
  return contradicted > 0 ? 1 : 0;
}

/** The JSON contract of `check --format json`; other tools depend on its shape. */
function toDiagnostic(finding: Finding) {
  return {
    range: finding.range,
    severity: SEVERITY[finding.verdict],
    code: finding.verdict,
    message: finding.message,
    sources: finding.sources.map((s) => ({ path: s.path, line: s.line, text: s.text, value: s.value, ...pageOrParagraph(s) })),
  };
}

async function runSearch(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { ...CORPUS_FLAGS, "--limit": { value: true } });
  if (wantsHelp(args)) return help("search");
  const query = args.positionals.join(" ").trim();
  if (!query) throw new UsageError("search needs a query");
  const limitText = flagValue(args, "--limit") ?? "10";
  const limit = Number(limitText);
  if (!Number.isInteger(limit) || limit <= 0) throw new UsageError(`--limit must be a positive whole number (got "${limitText}")`);
  const sources = await openSources(args, () => openIndex(args));
  const hits = await sources.search(query, limit).finally(() => sources.close());
  if (flagValue(args, "--format") === "json") {
    write(JSON.stringify({ query, hits: hits.map((h) => ({ path: h.sentence.path, line: h.sentence.line, text: h.sentence.text, score: h.score, highlights: h.highlights })) }, null, 2) + "\n");
  } else {
    const style = styleFor(process.stdout);
    if (hits.length === 0) write(`no source sentence matches "${sanitize(query)}"\n`);
    hits.forEach((hit, i) => write(formatHit(hit, i + 1, style) + "\n"));
  }
  return 0;
}

async function runFacts(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { ...CORPUS_FLAGS, "--kind": { value: true, choices: FACT_KINDS } });
  if (wantsHelp(args)) return help("facts");
  if (args.positionals.length > 0) throw new UsageError(`facts takes no arguments (got "${args.positionals[0]}")`);
  const sources = await openSources(args, () => openIndex(args));
  const facts = await sources.facts(flagValue(args, "--kind") as FactKind | undefined);
  const sourceCount = await sources.count().finally(() => sources.close());
  if (flagValue(args, "--format") === "json") write(JSON.stringify({ facts }, null, 2) + "\n");
  else {
    const style = styleFor(process.stdout);
    for (const fact of facts) write(`${style.bold(fact.kind.padEnd(8))} ${sanitize(fact.value).padEnd(28)} ${style.dim(citeLocation(fact))}  ${sanitize(fact.about, 120)}\n`);
    write(`\n${facts.length} facts from ${sourcesNote(args, sourceCount)}\n`);
  }
  return 0;
}

/** "5 sources", saying so when they are the bundled sample: a reader must know what was compared. */
function sourcesNote(args: ParsedArgs, sourceCount: number): string {
  const count = `${sourceCount} source${sourceCount === 1 ? "" : "s"}`;
  return args.booleans.has("--sample") && !args.flags.has("--corpus") ? `${count}, the bundled sample` : count;
}

function help(topic: string): number {
  write((HELP[topic] ?? HELP["main"]!) + "\n");
  return 0;
}

function write(text: string): void {
  process.stdout.write(text);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "check":
      return runCheck(rest);
    case "search":
      return runSearch(rest);
    case "facts":
      return runFacts(rest);
    case "archive":
      return runArchive(rest, write);
    case "lsp": {
      // The server is its own bundle next to this one; it starts listening when loaded and reads --stdio from argv.
      if (rest.includes("--help") || rest.includes("-h")) return help("lsp");
      const serverPath = path.join(__dirname, "server.js");
      if (!existsSync(serverPath)) throw new InputError(`the language server is not built (${serverPath} is missing)`);
      if (!rest.includes("--stdio") && !rest.some((a) => a.startsWith("--node-ipc") || a.startsWith("--socket") || a.startsWith("--pipe"))) {
        throw new UsageError("lsp needs a transport: --stdio");
      }
      require(serverPath);
      return new Promise<number>(() => undefined); // serves until the client disconnects
    }
    case undefined:
    case "--help":
    case "-h":
    case "help":
      return help(rest[0] ?? "main");
    case "--version":
      write("grounded 0.1.0\n");
      return 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

// A reader that stops early (`grounded facts | head`) closes the pipe: that is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) process.stderr.write(`grounded: ${error.message}\nRun "grounded --help" for usage.\n`);
    else if (error instanceof InputError || error instanceof ArchiveError) process.stderr.write(`grounded: ${error.message}\n`);
    else process.stderr.write(`grounded: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
