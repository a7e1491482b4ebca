// Cost of pathological draft lines (one token repeated) per KB, relative to normal prose: the
// figure grammar, the scanners and the checker must stay linear, so no line of any shape should
// cost more than a small multiple of a normal one. Checked against the bundled sample corpus.
import * as path from "node:path";
import { loadCorpus } from "../../src/core/sources/corpus.js";
import { CorpusIndex } from "../../src/core/index/corpusIndex.js";
import { checkDocument } from "../../src/core/check/checker.js";

/** Tokens of the figure grammar and the scanners that a line could repeat. */
export const PATHOLOGICAL_TOKENS = [
  "$1,", "1.", "1-", "1", "in 2020 and ", "$1 by 2020, ", "-", "%", "billion ", "5 billion ", "one hundred and ", "second-largest ",
  "January 1, 2020 ", "Aaaa ", "President Aaa Bbb ", "a", "((", "<", "&#", "`", "constructor ", "U.S. ",
];

export interface PathologicalResult {
  lineKB: number;
  normalMsPerKB: number;
  lines: Array<{ token: string; msPerKB: number; ratio: number }>;
}

/** Best of `repeats` timings of checking `text`, in ms per KB. */
function msPerKB(index: CorpusIndex, text: string, repeats: number): number {
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    checkDocument(index, text);
    best = Math.min(best, performance.now() - start);
  }
  return best / (text.length / 1024);
}

export async function measurePathological(root: string, normalText: string, lineKB = 128): Promise<PathologicalResult> {
  const loaded = await loadCorpus({ roots: [path.join(root, "corpus")], baseDir: root });
  const index = CorpusIndex.build(loaded.documents, loaded.skipped);
  const length = lineKB * 1024;
  // Normal prose as long as a pathological line, so both pay the same fixed costs.
  const normal = normalText.repeat(Math.ceil(length / normalText.length)).slice(0, length);
  const normalMsPerKB = msPerKB(index, normal, 3);
  const lines = PATHOLOGICAL_TOKENS.map((token) => {
    const line = token.repeat(Math.ceil(length / token.length)).slice(0, length);
    const cost = msPerKB(index, line, 1);
    return { token, msPerKB: cost, ratio: cost / normalMsPerKB };
  });
  return { lineKB, normalMsPerKB, lines };
}

export function renderPathological(result: PathologicalResult): string {
  const worst = result.lines.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  const rows = result.lines.map((l) => `| ${JSON.stringify(l.token).padEnd(22)} | ${l.msPerKB.toFixed(2).padStart(8)} | ${l.ratio.toFixed(1).padStart(7)} |`);
  return [
    `Pathological draft lines (${result.lineKB} KB of one token repeated, checked against the sample corpus); normal prose ${result.normalMsPerKB.toFixed(2)} ms/KB:`,
    `| line of                | ms / KB  | × prose |`,
    `|------------------------|----------|---------|`,
    ...rows,
    `Worst: ${JSON.stringify(worst.token)} at ${worst.ratio.toFixed(1)}× a normal line (target: a small multiple).`,
  ].join("\n");
}
