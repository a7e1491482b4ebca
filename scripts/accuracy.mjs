// Scores the built CLI on labelled cases and prints a summary table:
// - the shared dev set (../shared/cases, when present) and the project's own cases in test/cases/,
//   both against the bundled corpus/;
// - the real-text evaluation sets in eval/<set>/ (when ../shared/data is present), each against the
//   corpus its set.json names under ../shared/data: *.labels.jsonl beside a draft *.md are scored
//   whole with score-draft.mjs, other *.jsonl with score-cases.mjs.
// Low scores are reported, not fatal: the exit code is non-zero only when a scorer fails to run.
//   node scripts/accuracy.mjs [--quiet] [--only SUBSTRING]
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";

const tools = "../shared/tools";
const data = "../shared/data";
const quiet = process.argv.includes("--quiet");
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
const check = [process.execPath, "dist/cli.js"];

if (!existsSync(join(tools, "score-cases.mjs"))) {
  console.log("accuracy: ../shared/tools/score-cases.mjs is not here; nothing to score against.");
  process.exit(0);
}

/** One scorer run: which scorer, its arguments, and the name shown in the table. */
const runs = [];
const casesRun = (name, cases, corpus) => ({ name, scorer: "score-cases.mjs", args: ["--cases", cases, "--corpus", corpus], draft: false, cases });
/** Figures a "sources disagree" notice must not touch: those labelled supported or unverifiable. */
const undisputedFigures = (cases) =>
  readFileSync(cases, "utf8").split("\n").filter((l) => l.trim())
    .flatMap((l) => JSON.parse(l).figures)
    .filter((f) => f.label === "supported" || f.label === "unverifiable").length;
const jsonl = (dir) => readdirSync(dir).filter((f) => f.endsWith(".jsonl")).sort();

if (existsSync("../shared/cases")) for (const f of jsonl("../shared/cases")) runs.push(casesRun(`shared/${basename(f, ".jsonl")}`, join("../shared/cases", f), "corpus"));
for (const f of jsonl("test/cases")) runs.push(casesRun(`test/${basename(f, ".jsonl")}`, join("test/cases", f), "corpus"));

if (existsSync(data) && existsSync("eval")) {
  for (const set of readdirSync("eval").sort()) {
    const dir = join("eval", set);
    if (!existsSync(join(dir, "set.json"))) continue;
    const corpus = join(data, JSON.parse(readFileSync(join(dir, "set.json"), "utf8")).corpus);
    if (!existsSync(corpus)) {
      console.log(`accuracy: ${corpus} is not here; skipping eval/${set}.`);
      continue;
    }
    // set.json may name other forms of the same corpus (the releases as PDF or DOCX) a draft is
    // also scored against: { "alsoScoredOn": { "briefing-4": ["realuse-whitehouse/pdf"] } }.
    const alsoScoredOn = JSON.parse(readFileSync(join(dir, "set.json"), "utf8")).alsoScoredOn ?? {};
    for (const f of jsonl(dir)) {
      const stem = f.replace(/(\.labels)?\.jsonl$/, "");
      const name = `eval/${set}/${stem}`;
      if (f.endsWith(".labels.jsonl")) {
        const draftFile = join(dir, `${stem}.md`);
        const draftRun = (runName, runCorpus) => ({ name: runName, scorer: "score-draft.mjs", args: ["--draft", draftFile, "--labels", join(dir, f), "--corpus", runCorpus], draft: true });
        runs.push(draftRun(name, corpus));
        for (const form of alsoScoredOn[stem] ?? []) {
          if (existsSync(join(data, form))) runs.push(draftRun(`${name} @${basename(form)}`, join(data, form)));
        }
      } else runs.push(casesRun(name, join(dir, f), corpus));
    }
  }
} else console.log("accuracy: ../shared/data is not here; the real-text sets in eval/ are skipped.");

const rows = [];
let failed = false;
for (const run of runs) {
  if (only && !run.name.includes(only)) continue;
  console.log(`\n== ${run.name}`);
  const args = [join(tools, run.scorer), ...(quiet ? ["--quiet"] : []), ...run.args, "--", ...check];
  const result = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 64 << 20 });
  process.stdout.write(result.stdout ?? "");
  process.stderr.write(result.stderr ?? "");
  const scores = /precision ([\d.]+) recall ([\d.]+)/.exec(result.stdout ?? "");
  if (result.status !== 0 || !scores) {
    failed = true;
    rows.push({ name: run.name, failed: true });
    continue;
  }
  const out = result.stdout;
  rows.push({
    name: run.name,
    precision: scores[1],
    recall: scores[2],
    supportedShown: run.draft ? (/supported shown (\d+\/\d+)/.exec(out)?.[1] ?? "?") : "–",
    wrongDisputed: run.draft ? "–" : `${/wrong disputed (\d+)/.exec(out)?.[1] ?? "?"}/${undisputedFigures(run.cases)}`,
    seconds: /· ([\d.]+) s\n/.exec(out)?.[1] ?? "?",
  });
}

const header = ["set", "precision", "recall", "supported shown", "wrong disputed", "seconds"];
const table = rows.map((r) => (r.failed ? [r.name, "scorer failed", "", "", "", ""] : [r.name, r.precision, r.recall, r.supportedShown, r.wrongDisputed, r.seconds]));
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
console.log(`\n${line(header)}\n${line(widths.map((w) => "-".repeat(w)))}`);
for (const row of table) console.log(line(row));
process.exit(failed ? 1 : 0);
