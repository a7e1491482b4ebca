// A draft's lines with Markdown that holds no claims blanked (core's maskMarkup), without masking
// the whole draft on every keystroke: when nothing in it can span lines (fenced code, HTML
// comments, front matter), masking is local to a line, so each run of non-blank lines is masked
// on its own and kept by its text for the next version.
import { maskMarkup } from "../core/index.js";

/** What can span lines when masking: then the draft is masked whole. */
const SPANS_LINES = /```|~~~|<!--/;

/** Masked runs of lines by their text; a document keeps one from version to version. */
export type MaskedRuns = Map<string, string[]>;

/** `maskMarkup(lines.join("\n")).split("\n")`, reusing the runs `previous` masked already; fills `next`. */
export function maskedLines(lines: readonly string[], previous: MaskedRuns | undefined, next: MaskedRuns): string[] {
  const text = lines.join("\n");
  if (text.startsWith("---") || SPANS_LINES.test(text)) return maskMarkup(text).split("\n");
  const out: string[] = [];
  let start = 0;
  const flush = (end: number) => {
    if (end <= start) return;
    const run = lines.slice(start, end).join("\n");
    // A leading newline: a run that starts with "---" is a rule here, not the draft's front matter.
    const masked = next.get(run) ?? previous?.get(run) ?? maskMarkup(`\n${run}`).slice(1).split("\n");
    next.set(run, masked);
    out.push(...masked);
  };
  lines.forEach((line, i) => {
    if (line.trim().length > 0) return;
    flush(i);
    out.push(line);
    start = i + 1;
  });
  flush(lines.length);
  return out;
}
