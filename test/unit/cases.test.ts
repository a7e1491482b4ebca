// The project's own labelled cases (test/cases/*.jsonl), scored as the shared scorer scores them:
// every contradicted figure flagged and naming the expected source value; nothing else flagged.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { checkDocument } from "../../src/core/check/checker.ts";
import { sampleIndex } from "./helpers/corpus.ts";

interface Case {
  id: string;
  text: string;
  figures: Array<{ span: string; label: string; expect?: string }>;
}

const casesDir = path.resolve(__dirname, "..", "cases");

for (const file of readdirSync(casesDir).filter((f) => f.endsWith(".jsonl"))) {
  const cases: Case[] = readFileSync(path.join(casesDir, file), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Case);
  test(`Should get every verdict in ${file} right (${cases.length} cases)`, async () => {
    const index = await sampleIndex();
    const draft = cases.map((c) => c.text).join("\n\n");
    const findings = checkDocument(index, draft);
    const wrong: string[] = [];
    cases.forEach((c, i) => {
      for (const figure of c.figures) {
        const start = c.text.indexOf(figure.span);
        const end = start + figure.span.length;
        const flags = findings.filter((f) => f.verdict === "contradicted" && f.range.start.line === 2 * i && f.range.start.character < end && f.range.end.character > start);
        if (figure.label === "contradicted") {
          if (flags.length === 0) wrong.push(`${c.id}: missed "${figure.span}"`);
          else if (!flags.some((f) => [f.message, ...f.sources.map((s) => `${s.value} ${s.text}`)].join(" ").includes(figure.expect ?? ""))) wrong.push(`${c.id}: does not name ${figure.expect}`);
        } else if (flags.length > 0) wrong.push(`${c.id}: false alarm on ${figure.label} "${figure.span}": ${flags[0]!.message}`);
        if (figure.label === "disputed" && !findings.some((f) => f.verdict === "disputed" && f.range.start.line === 2 * i)) wrong.push(`${c.id}: dispute not shown`);
      }
    });
    assert.deepEqual(wrong, []);
  });
}
