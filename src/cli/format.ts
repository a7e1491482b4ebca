// Terminal output: linter-style lines, optional colour, highlighted search matches.
import { citeLine, citeLocation, type Finding, type SearchHit } from "../core/index.js";

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  green(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
export const colours: Style = { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), yellow: wrap(33, 39), cyan: wrap(36, 39), green: wrap(32, 39) };
const identity = (s: string) => s;
export const plain: Style = { bold: identity, dim: identity, red: identity, yellow: identity, cyan: identity, green: identity };

export function styleFor(stream: NodeJS.WriteStream): Style {
  return stream.isTTY && !process.env["NO_COLOR"] ? colours : plain;
}

/** Control characters from untrusted text must not reach the terminal. */
export function sanitize(text: string, max = 300): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, " ");
  return clean.length > max ? clean.slice(0, max - 1) + "…" : clean;
}

export const SEVERITY: Record<Finding["verdict"], "warning" | "information" | "hint"> = {
  contradicted: "warning",
  disputed: "information",
  unverifiable: "hint",
  supported: "hint",
};

export function formatFinding(path: string, finding: Finding, style: Style): string {
  const { line, character } = finding.range.start;
  const severity = SEVERITY[finding.verdict];
  const colour = severity === "warning" ? style.yellow : severity === "information" ? style.cyan : finding.verdict === "supported" ? style.green : style.dim;
  const head = `${style.bold(`${path}:${line + 1}:${character + 1}`)}  ${colour(severity.padEnd(11))}  ${sanitize(finding.message)}  ${style.dim(`[${finding.verdict}]`)}`;
  const evidence = finding.sources[0];
  if (!evidence || finding.verdict === "supported") return head;
  return `${head}\n    ${style.dim(`${citeLocation(evidence)}:`)} ${sanitize(evidence.text, 240)}`;
}

export function highlight(text: string, ranges: ReadonlyArray<{ start: number; end: number }>, style: Style): string {
  let out = "";
  let at = 0;
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    if (range.start < at) continue;
    out += sanitize(text.slice(at, range.start), 10_000) + style.bold(style.yellow(sanitize(text.slice(range.start, range.end), 10_000)));
    at = range.end;
  }
  return out + sanitize(text.slice(at), 10_000);
}

export function formatHit(hit: SearchHit, rank: number, style: Style): string {
  const where = style.bold(citeLine(hit.sentence));
  const text = hit.sentence.text.length > 400 ? hit.sentence.text.slice(0, 400) + "…" : hit.sentence.text;
  return `${String(rank).padStart(2)}. ${where}  ${style.dim(hit.score.toFixed(1))}\n    ${highlight(text, hit.highlights.filter((h) => h.end <= 400), style)}`;
}
