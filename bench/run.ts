// `npm run bench`: generates 1, 5 and 20 MB corpora and, when ../shared is present, takes a real
// 20 MB slice of the White House archive (bench/real.ts; the whole archive with --archive), measures
// the engine through the real language server and through the persisted index, compares search with
// ripgrep, prints a table and writes bench/results.json.
// Options: --sizes 1,5,20  --seed N  --keep (leave the generated files)  --archive  --no-real
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { generateCorpus, generateDraft, generateQueries, readArticles } from "./generate.js";
import { realCorpus, type RealCorpus } from "./real.js";
import { completionPositions, hoverPositions, keystrokeOffsets } from "./positions.js";
import { measureServer, peakRss, type ServerResult } from "./measures/lsp.js";
import { calibrate, summarize, type Summary } from "./measures/stats.js";
import { measurePathological, renderPathological } from "./measures/pathological.js";

const ROOT = path.resolve(__dirname, "..");
const MB = 1024 * 1024;

interface CoreResult {
  origin: string;
  openMs: number;
  filesRead: number;
  filesReused: number;
  cacheBytes?: number;
  check?: Summary;
  recheck?: Summary;
  recheckParagraphs?: number;
  problem?: string;
}

interface CliResult {
  /** `grounded check` without a cache, whole process. */
  firstMs: number;
  firstPeakRss: number;
  /** `grounded check --cache` on an unchanged corpus (the second run with that cache), whole process. */
  cachedMs: number;
  cachedPeakRss: number;
}

interface SizeResult {
  /** "1 MB" (generated) or "real 20 MB". */
  label: string;
  megabytes: number;
  files: number;
  bytes: number;
  server: ServerResult;
  build: CoreResult;
  warm: CoreResult;
  cli: CliResult;
  ripgrep?: Summary;
}

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

function runCore(args: string[]): Promise<CoreResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "measures", "core.ts"), ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out) as CoreResult) : reject(new Error(`core.ts ${args[0]} exited with ${code}`))));
  });
}

/** The CLI as a user runs it (whole process): a first check without a cache, then a check through a cache twice (build, then restore). */
async function runCli(corpusDir: string, cacheDir: string, draft: string): Promise<CliResult> {
  const run = (args: string[]) =>
    new Promise<{ ms: number; peakRss: number }>((resolve, reject) => {
      const start = performance.now();
      const child = spawn(process.execPath, [path.join(ROOT, "dist", "cli.js"), "check", "--corpus", corpusDir, ...args, "--format", "json", draft], { stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      // The high-water mark only grows: the last reading before the process ends is its peak.
      let peak = NaN;
      const sample = setInterval(() => (peak = Math.max(Number.isNaN(peak) ? 0 : peak, peakRss(child.pid!) || 0)), 25);
      child.on("exit", (code) => {
        clearInterval(sample);
        const ms = performance.now() - start;
        if (code !== 0 && code !== 1) reject(new Error(`grounded check exited with ${code}: ${stderr.slice(0, 500)}`));
        else resolve({ ms, peakRss: peak });
      });
    });
  rmSync(cacheDir, { recursive: true, force: true });
  const first = await run([]);
  await run(["--cache", cacheDir]);
  const cached = await run(["--cache", cacheDir]);
  return { firstMs: first.ms, firstPeakRss: first.peakRss, cachedMs: cached.ms, cachedPeakRss: cached.peakRss };
}

function hasRipgrep(): boolean {
  return spawnSync("rg", ["--version"], { stdio: "ignore" }).status === 0;
}

async function ripgrep(queries: readonly string[], dir: string): Promise<Summary> {
  const times: number[] = [];
  for (const query of queries) {
    const start = performance.now();
    await new Promise<void>((resolve) => {
      const child = spawn("rg", ["--ignore-case", "--fixed-strings", "--line-number", "--no-messages", "--", query, dir], { stdio: ["ignore", "ignore", "ignore"] });
      child.on("exit", () => resolve());
    });
    times.push(performance.now() - start);
  }
  return summarize(times);
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function main(): Promise<void> {
  const sizes = option("--sizes", "1,5,20").split(",").map(Number).filter((n) => n > 0);
  const seed = Number(option("--seed", "1"));
  // A folder of its own: two benches at once (two worktrees on one machine) must not delete each other's files.
  const work = mkdtempSync(path.join(os.tmpdir(), `grounded-bench-${seed}-`));
  const started = performance.now();
  if (!existsSync(path.join(ROOT, "dist", "server.js")) || process.argv.includes("--build")) {
    log("building dist/ …");
    spawnSync(process.execPath, ["esbuild.js"], { cwd: ROOT, stdio: "inherit" });
  }
  const rg = hasRipgrep();
  if (!rg) log("ripgrep (rg) not found: the ripgrep column is skipped. Install it with: apt-get install ripgrep");
  const calibrationMs = Math.min(calibrate(), calibrate(), calibrate());
  const articles = readArticles(path.join(ROOT, "corpus"));
  const draftText = generateDraft(articles, 5000, seed + 1);
  const queries = generateQueries(articles, 200, seed + 2);
  const hover = hoverPositions(draftText, 1000, seed + 3);
  const completion = completionPositions(draftText, 1000, seed + 4);

  const results: SizeResult[] = [];
  const measure = async (label: string, workspace: string, corpus: { files: number; bytes: number }, input: { draftText: string; queries: string[]; hover: typeof hover; completion: typeof completion }) => {
    const megabytes = corpus.bytes / MB;
    const corpusDir = path.join(workspace, "corpus");
    const cacheDir = path.join(workspace, "cache");
    rmSync(cacheDir, { recursive: true, force: true });
    rmSync(path.join(workspace, "server-cache"), { recursive: true, force: true });
    writeFileSync(path.join(workspace, "draft.md"), input.draftText);
    log(`${label}: ${corpus.files} files; language server …`);
    // The largest corpora take fewer hover and completion samples, to keep the whole run short.
    const samples = megabytes >= 15 ? 300 : input.hover.length;
    const keystrokes = keystrokeOffsets(input.draftText, 40, seed + 5);
    const server = await measureServer({ workspace, cacheDir: path.join(workspace, "server-cache"), draftText: input.draftText, hover: input.hover.slice(0, samples), completion: input.completion.slice(0, samples), queries: input.queries, keystrokes });
    log(`${label}: indexed in ${(server.indexMs / 1000).toFixed(1)} s; persisted index …`);
    const build = await runCore(["build", corpusDir, cacheDir]);
    const warm = await runCore(["warm", corpusDir, cacheDir, path.join(workspace, "draft.md"), megabytes >= 15 ? "0" : "3"]);
    const cli = await runCli(corpusDir, path.join(workspace, "cli-cache"), path.join(workspace, "draft.md"));
    log(`${label}: ripgrep …`);
    const ripgrepSummary = rg ? await ripgrep(input.queries, corpusDir) : undefined;
    results.push({ label, megabytes, files: corpus.files, bytes: corpus.bytes, server, build, warm, cli, ...(ripgrepSummary ? { ripgrep: ripgrepSummary } : {}) });
  };
  for (const megabytes of sizes) {
    const workspace = path.join(work, `${megabytes}mb`);
    mkdirSync(workspace, { recursive: true });
    log(`${megabytes} MB: generating …`);
    const generated = generateCorpus(articles, path.join(workspace, "corpus"), megabytes, seed);
    await measure(`${megabytes} MB`, workspace, generated, { draftText, queries, hover, completion });
  }
  // Real text: more distinct terms and names than any generated corpus.
  const real: Array<"slice" | "archive"> = process.argv.includes("--no-real") ? [] : process.argv.includes("--archive") ? ["slice", "archive"] : ["slice"];
  for (const which of real) {
    const workspace = path.join(work, `real-${which}`);
    const corpus: RealCorpus | undefined = realCorpus(workspace, which);
    if (!corpus) {
      log("../shared/data/wh-briefings not found: the real corpora are skipped.");
      break;
    }
    const realDraft = generateDraft(corpus.articles, 5000, seed + 1, false);
    await measure(corpus.label, workspace, corpus, {
      draftText: realDraft,
      queries: generateQueries(corpus.articles, 200, seed + 2, false),
      hover: hoverPositions(realDraft, 1000, seed + 3),
      completion: completionPositions(realDraft, 1000, seed + 4),
    });
  }
  if (!process.argv.includes("--keep")) rmSync(work, { recursive: true, force: true });
  else log(`files kept in ${work}`);
  log("pathological lines …");
  const pathological = await measurePathological(ROOT, draftText.replace(/\n+/g, " "));

  const machine = {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memoryGB: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    calibrationMs: Number(calibrationMs.toFixed(1)),
  };
  const table = renderTable(results, rg);
  process.stdout.write(`${table}\n\n${renderPathological(pathological)}\n\n`);
  process.stdout.write(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, Node ${machine.node}; calibration loop ${machine.calibrationMs} ms. Total ${((performance.now() - started) / 1000).toFixed(0)} s.\n`);
  writeFileSync(path.join(__dirname, "results.json"), `${JSON.stringify({ date: new Date().toISOString(), seed, machine, table, results, pathological }, null, 2)}\n`);
}

const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? "–" : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const pair = (s: Summary | undefined) => (s ? `${ms(s.p50)} / ${ms(s.p95)}` : "–");

function renderTable(results: readonly SizeResult[], rg: boolean): string {
  const rows: Array<[string, string, (r: SizeResult) => string]> = [
    ["corpus (files)", "", (r) => `${(r.bytes / MB).toFixed(1)} MB (${r.files})`],
    ["cold index, server (s)", "", (r) => (r.server.indexMs / 1000).toFixed(1)],
    ["cold index speed (MB/s)", "≥ 5", (r) => (r.bytes / MB / (r.server.indexMs / 1000)).toFixed(2)],
    ["progress reports while indexing", "> 0", (r) => String(r.server.progressReports)],
    ["client event-loop lag p99 (ms)", "< 50", (r) => ms(r.server.clientLagWhileIndexing.p99)],
    ["server answers while indexing p95 / max (ms)", "", (r) => `${ms(r.server.statusWhileIndexing.p95)} / ${ms(r.server.statusWhileIndexing.max)}`],
    ["CLI first check, whole process (s)", "", (r) => (r.cli.firstMs / 1000).toFixed(1)],
    ["CLI first check speed (MB/s)", "≥ 5", (r) => (r.bytes / MB / (r.cli.firstMs / 1000)).toFixed(2)],
    ["CLI first check peak RSS (× corpus)", "", (r) => (r.cli.firstPeakRss / r.bytes).toFixed(1)],
    ["CLI cached check, whole process (s)", "≤ 1.0", (r) => (r.cli.cachedMs / 1000).toFixed(2)],
    ["persisted index size (MB)", "", (r) => (r.build.cacheBytes === undefined ? "–" : (r.build.cacheBytes / MB).toFixed(1))],
    ["build + save persisted index (s)", "", (r) => (r.build.openMs / 1000).toFixed(1)],
    ["warm start from persisted index (s)", "≤ 0.5", (r) => (r.warm.origin === "snapshot" ? (r.warm.openMs / 1000).toFixed(2) : `rebuilt (${(r.warm.openMs / 1000).toFixed(1)})`)],
    ["server heap after GC (× corpus)", "", (r) => (r.server.memory.heapUsed / r.bytes).toFixed(1)],
    ["server RSS / peak RSS (× corpus)", "peak ≤ 10", (r) => `${(r.server.memory.rss / r.bytes).toFixed(1)} / ${(r.server.memory.peakRss / r.bytes).toFixed(1)}`],
    ["hover p50 / p95 (ms)", "p95 ≤ 2", (r) => `${pair(r.server.hover)} (n=${r.server.hover.n})`],
    ["completion p50 / p95 (ms)", "p95 ≤ 10", (r) => `${pair(r.server.completion)} (n=${r.server.completion.n})`],
    ["full check, 5,000 words, server (ms)", "≤ 150", (r) => ms(r.server.checkMs)],
    ["same draft opened again, server (ms)", "", (r) => ms(r.server.secondCheckMs)],
    ["full check, core p50 (ms; not repeated at 20 MB)", "", (r) => ms(r.warm.check?.p50)],
    ["re-check after keystroke, server p50 / p95 (ms)", "≤ 10", (r) => pair(r.server.recheck)],
    ["re-check, core p50 / p95 (ms)", "", (r) => `${pair(r.warm.recheck)} (${r.warm.recheckParagraphs ?? "?"} para.)`],
    ["ranked search p50 / p95 (ms)", "p95 ≤ 5", (r) => pair(r.server.search)],
    ["ripgrep same queries p50 / p95 (ms)", "", (r) => (rg ? pair(r.ripgrep) : "skipped (no rg)")],
    ["search p95 ÷ ripgrep p95", "≤ 1", (r) => (r.ripgrep ? (r.server.search.p95 / r.ripgrep.p95).toFixed(2) : "–")],
  ];
  const header = ["measure", ...results.map((r) => r.label), "target (20 MB)"];
  const body = rows.map(([label, target, cell]) => [label, ...results.map(cell), target]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => row[i]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...body.map(line)].join("\n");
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
