// Measures an archive already loaded (`grounded archive load`): size per MB of sources, the check of
// the bench's 5,000-word draft and of a draft spliced from the archive's own sentences, ranked search
// with 1 and 16 concurrent clients; with --local DIR, the same checks through a local index of the
// same sources, compared verdict for verdict.
//   node --import tsx bench/archive.ts --archive URL [--local DIR --base DIR] [--queries N] [--best N]
import { appendFileSync } from "node:fs";
import * as path from "node:path";
import { Archive } from "../src/core/store/archive/archive.js";
import { checkDocument } from "../src/core/check/checker.js";
import { loadCorpus } from "../src/core/sources/corpus.js";
import { CorpusIndex } from "../src/core/index/corpusIndex.js";
import { generateDraft, generateQueries, readArticles } from "./generate.js";
import { realSliceArticles } from "./real.js";
import { summarize } from "./measures/stats.js";

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Checks of each draft (the first includes reading the registry). */
const RUNS = Number(option("--runs") ?? 3);
const log = (line: string) => process.stderr.write(`${line}\n`);
const round = (n: number) => Math.round(n * 10) / 10;

/** A draft of about `words` words from the archive's sentences with figures, two in three figures changed. */
async function splicedDraft(archive: Archive, words: number): Promise<string> {
  const rows = (await archive.pool.query<{ sentence: string }>("SELECT DISTINCT ON (sentence) sentence FROM figures WHERE length(sentence) BETWEEN 60 AND 300 ORDER BY sentence, md5(sentence) LIMIT 20000")).rows;
  const picked: string[] = [];
  let count = 0;
  for (let i = 0; count < words && i < rows.length; i += Math.max(1, Math.floor(rows.length / 400))) {
    const text = rows[i]!.sentence;
    picked.push(i % 3 === 0 ? text : text.replace(/\d+(?:\.\d+)?/, (d) => String(Math.round(Number(d) * 1.34 * 10) / 10)));
    count += text.split(/\s+/).length;
  }
  return picked.map((s, i) => (i % 5 === 4 ? `${s}\n` : s)).join("\n");
}

/** Findings of one list with no equal finding in the other (compared whole, as JSON), counted over both. */
function differingFindings(local: readonly unknown[], archive: readonly unknown[]): number {
  const count = (list: readonly unknown[]) => {
    const counts = new Map<string, number>();
    for (const finding of list) counts.set(JSON.stringify(finding), (counts.get(JSON.stringify(finding)) ?? 0) + 1);
    return counts;
  };
  const theirs = count(archive);
  let unmatched = 0;
  for (const [key, n] of count(local)) unmatched += Math.max(0, n - (theirs.get(key) ?? 0));
  return Math.max(unmatched, unmatched + archive.length - local.length);
}

async function searchLatencies(url: string, queries: readonly string[], clients: number): Promise<number[]> {
  const archives = Array.from({ length: clients }, () => Archive.open(url, { max: 1 }));
  await Promise.all(archives.map((a) => a.search("warm up", 1)));
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    archives.map(async (archive) => {
      while (next < queries.length) {
        const query = queries[next++]!;
        const start = performance.now();
        await archive.search(query, 10);
        times.push(performance.now() - start);
      }
    }),
  );
  await Promise.all(archives.map((a) => a.close()));
  return times;
}

async function main(): Promise<void> {
  const url = option("--archive") ?? process.env["GROUNDED_ARCHIVE"];
  if (!url) throw new Error("--archive URL");
  const archive = Archive.open(url);
  // --best N: source figures retrieved per draft figure (to try other cuts against --local).
  if (option("--best")) archive.bestCandidates = Number(option("--best"));
  const status = await archive.status();
  const megabytes = status.sourceBytes / 1e6;
  log(`archive: ${status.documents} documents, ${round(megabytes)} MB of sources, database ${round(status.databaseBytes / 1e6)} MB (${round(status.databaseBytes / status.sourceBytes)} × sources)`);
  const articles = readArticles(path.resolve(__dirname, "..", "corpus"));
  const only = option("--drafts")?.split(",");
  // "real": the draft `npm run bench` checks against the real slice (its releases' own prose), when ../shared is present.
  const realArticles = realSliceArticles();
  const allDrafts = {
    bench: generateDraft(articles, 5000, 1),
    spliced: await splicedDraft(archive, 5000),
    ...(realArticles ? { real: generateDraft(realArticles, 5000, 2, false) } : {}),
  };
  const drafts = Object.fromEntries(Object.entries(allDrafts).filter(([name]) => !only || only.includes(name)));
  const results: Record<string, unknown> = { status };
  const archiveFindings: Record<string, unknown> = {};
  for (const [name, draft] of Object.entries(drafts)) {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      const { findings, phases } = await archive.check(draft);
      times.push(performance.now() - start);
      const used = process.cpuUsage(cpu);
      archiveFindings[name] = findings;
      // Client CPU: what a loaded machine distorts least (the database server's is not counted).
      log(`  ${name}: ${JSON.stringify({ ...phases, clientCpuMs: (used.user + used.system) / 1000 }, (_, v: unknown) => (typeof v === "number" ? Math.round(v) : v))}`);
    }
    const findings = archiveFindings[name] as Array<{ verdict: string }>;
    log(`check ${name} draft (${draft.split(/\s+/).length} words, ${findings.length} findings) through the archive: first ${round(times[0]!)} ms, then ${times.slice(1).map(round).join(", ")} ms`);
    results[`check_${name}_archive_ms`] = times;
  }
  const queries = generateQueries(articles, 200, 1);
  for (const clients of option("--skip-search") ? [] : [1, 16]) {
    const summary = summarize(await searchLatencies(url, queries, clients));
    log(`search, ${clients} client${clients > 1 ? "s" : ""}: p50 ${round(summary.p50)} ms, p95 ${round(summary.p95)} ms, max ${round(summary.max)} ms (n=${summary.n})`);
    results[`search_${clients}`] = summary;
  }
  await archive.close();
  const localDir = option("--local");
  if (localDir) {
    const started = performance.now();
    const loaded = await loadCorpus({ roots: [localDir], baseDir: option("--base") ?? process.cwd() });
    const index = CorpusIndex.build(loaded.documents, loaded.skipped);
    const buildMs = performance.now() - started;
    log(`local index: ${index.documents.length} documents built in ${round(buildMs / 1000)} s, heap ${round(process.memoryUsage().heapUsed / 1e6)} MB, RSS ${round(process.memoryUsage().rss / 1e6)} MB`);
    results["local_build_ms"] = buildMs;
    for (const [name, draft] of Object.entries(drafts)) {
      const times: number[] = [];
      let findings: unknown;
      for (let run = 0; run < RUNS; run++) {
        const start = performance.now();
        findings = checkDocument(index, draft);
        times.push(performance.now() - start);
      }
      const same = JSON.stringify(findings) === JSON.stringify(archiveFindings[name]);
      const differing = differingFindings(findings as unknown[], archiveFindings[name] as unknown[]);
      log(`check ${name} draft locally: first ${round(times[0]!)} ms, then ${times.slice(1).map(round).join(", ")} ms; verdicts ${same ? "the same as" : "DIFFERENT from"} the archive's (${differing} of ${(findings as unknown[]).length} findings differ)`);
      results[`check_${name}_differing`] = differing;
      // --diff FILE: the findings of each side that the other lacks, to read what differs.
      const diffFile = option("--diff");
      if (diffFile && differing > 0) {
        const keys = (list: unknown) => new Set((list as unknown[]).map((f) => JSON.stringify(f)));
        const [ours, theirs] = [keys(findings), keys(archiveFindings[name])];
        const only = (a: Set<string>, b: Set<string>) => [...a].filter((k) => !b.has(k)).map((k) => JSON.parse(k) as unknown);
        appendFileSync(diffFile, JSON.stringify({ draft: name, localOnly: only(ours, theirs), archiveOnly: only(theirs, ours) }, null, 1) + "\n");
      }
      results[`check_${name}_local_ms`] = times;
      results[`check_${name}_same`] = same;
    }
  }
  process.stdout.write(JSON.stringify(results, null, 2) + "\n");
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
