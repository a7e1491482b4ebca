// Answer latency through the core and the server's own providers, in one process, in CPU time per
// operation (what a loaded machine distorts least) beside wall time:
//   node --import tsx bench/measures/latency.ts real WORKSPACE [--findings OUT.json] [--repeat N]
//   node --import tsx bench/measures/latency.ts 5 WORKSPACE      (a generated corpus of 5 MB)
// `--check-only` stops after the full checks; `--searches OUT.json` writes every query's hits.
// The corpus goes to WORKSPACE/corpus and its persisted index to WORKSPACE/cache (built on the first
// run, restored afterwards). Measured on the draft, hover and completion positions, keystrokes and
// queries the bench draws from the same text: full check (core and through the paragraph cache),
// re-check after a keystroke typed inside a word of a random paragraph, hover, completion, search.
// `--findings` writes every verdict of the full check, to compare before and after a change.
// For a profile: node --import tsx --cpu-prof bench/measures/latency.ts real WORKSPACE
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { openIndex } from "../../src/core/store/indexCache.js";
import { checkDocument, prepareForChecks, type Finding } from "../../src/core/index.js";
import { DocumentCache, type DraftDocument } from "../../src/server/documentCache.js";
import { HoverProvider } from "../../src/server/features/hover.js";
import { CompletionProvider } from "../../src/server/features/completion.js";
import { generateCorpus, generateDraft, generateQueries, readArticles } from "../generate.js";
import { realCorpus, realSliceArticles } from "../real.js";
import { completionPositions, hoverPositions, keystrokeOffsets } from "../positions.js";
import { summarize, type Summary } from "./stats.js";

interface Timing {
  cpu: Summary;
  wall: Summary;
}

/** Runs `operation` once per input, timing each in CPU and wall milliseconds. */
function measure<T>(inputs: readonly T[], operation: (input: T, i: number) => void): Timing {
  const cpu: number[] = [];
  const wall: number[] = [];
  inputs.forEach((input, i) => {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    operation(input, i);
    wall.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  });
  return { cpu: summarize(cpu), wall: summarize(wall) };
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const [which, workspace] = process.argv.slice(2);
  if (!which || !workspace) throw new Error("usage: latency.ts real|MB WORKSPACE [--findings OUT.json] [--repeat N]");
  const seed = 1;
  const repeat = Number(option("--repeat") ?? 3);
  mkdirSync(workspace, { recursive: true });
  const corpusDir = path.join(workspace, "corpus");
  let articles;
  if (which === "real") {
    if (!existsSync(corpusDir)) realCorpus(workspace, "slice");
    articles = realSliceArticles();
    if (!articles) throw new Error("../shared/data/wh-briefings is absent");
  } else {
    articles = readArticles(path.resolve(__dirname, "..", "..", "corpus"));
    if (!existsSync(corpusDir)) generateCorpus(articles, corpusDir, Number(which), seed);
  }
  const vary = which !== "real";
  const draftText = generateDraft(articles, 5000, seed + 1, vary);
  const queries = generateQueries(articles, 200, seed + 2, vary);
  const hovers = hoverPositions(draftText, 1000, seed + 3);
  const completions = completionPositions(draftText, 1000, seed + 4);

  const openStart = performance.now();
  const opened = await openIndex({ roots: [corpusDir], baseDir: workspace, cacheDir: path.join(workspace, "cache"), engineVersion: "latency" });
  const index = opened.index;
  process.stderr.write(`index ${opened.origin} in ${((performance.now() - openStart) / 1000).toFixed(1)} s: ${index.documents.length} documents, ${index.sourceFigures.length} figures\n`);

  const results: Record<string, Timing | number> = {};
  let findings: Finding[] = [];
  // The tables a check reads once per index, worked out as the server does right after building or
  // restoring (--lazy leaves them to the first check, as before).
  if (!process.argv.includes("--lazy")) results.prepare = measure([0], () => prepareForChecks(index));
  // The first check pays for what is still worked out on first use.
  results.firstCheck = measure([0], () => (findings = checkDocument(index, draftText)));
  results.check = measure(Array.from({ length: repeat }, (_, i) => i), () => checkDocument(index, draftText));
  results.findings = findings.length;
  if (process.argv.includes("--check-only")) return report(results, findings);

  // Through the server's paragraph cache, as the server checks an opened draft.
  const cache = new DocumentCache();
  let text = draftText;
  let version = 1;
  const documentOf = (): DraftDocument => ({ uri: "bench:draft", version, getText: () => text });
  results.cacheCheck = measure([0], () => cache.findings(documentOf(), index, 1, []));

  const hover = new HoverProvider({ index: () => index, findings: (d) => cache.findings(d, index, 1, []), flavour: () => "vscode" });
  const document = documentOf();
  results.hover = measure(hovers, (position) => hover.provideHover(document, position));
  const completion = new CompletionProvider({ index: () => index, citationStyle: () => "footnote", flavour: () => "vscode" });
  results.completion = measure(completions, (position) => completion.provideCompletion(document, position));
  const hits: unknown[] = [];
  results.search = measure(queries, (query) => hits.push(index.search(query, { limit: 30 }).map((hit) => [hit.sentence.id, hit.score])));
  const searchesFile = option("--searches");
  if (searchesFile) writeFileSync(searchesFile, `${JSON.stringify(hits)}\n`);

  // A keystroke inside a word of a random paragraph: the server re-checks and publishes its findings.
  const computed: number[] = [];
  results.recheck = measure(keystrokeOffsets(draftText, 100, seed + 5), (offset) => {
    text = `${text.slice(0, offset)}x${text.slice(offset)}`;
    version++;
    cache.findings(documentOf(), index, 1, []);
    computed.push(cache.lastComputedParagraphs);
  });
  results.recheckParagraphs = Math.max(...computed);
  // The paragraph and sentence caches must give what a check of the edited draft from scratch gives.
  const same = JSON.stringify(cache.findings(documentOf(), index, 1, [])) === JSON.stringify(checkDocument(index, text));
  results.recheckEqualsFullCheck = same ? 1 : 0;
  report(results, findings);
}

function report(results: Record<string, Timing | number>, findings: readonly Finding[]): void {
  const findingsFile = option("--findings");
  if (findingsFile) writeFileSync(findingsFile, `${JSON.stringify(findings.map((f) => ({ line: f.range.start.line, character: f.range.start.character, verdict: f.verdict, claim: f.claimText, message: f.message })), null, 1)}\n`);
  const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
  for (const [name, value] of Object.entries(results)) {
    if (typeof value === "number") process.stdout.write(`${name.padEnd(18)} ${value}\n`);
    else process.stdout.write(`${name.padEnd(18)} cpu p50 ${ms(value.cpu.p50).padStart(6)}  p95 ${ms(value.cpu.p95).padStart(6)}  max ${ms(value.cpu.max).padStart(6)}   wall p50 ${ms(value.wall.p50).padStart(6)}  p95 ${ms(value.wall.p95).padStart(6)}  (n=${value.cpu.n})\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
