// What the sources view and the fact sheet show, as plain data and HTML. No vscode import:
// unit-tested with node:test; the VS Code side only wires these to a tree and a webview.
import { z } from "zod";
import { escapeHtml } from "../core/check/report.js";
import { citeLocation } from "../core/sources/citation.js";

export interface SourcesPayload {
  documents: Array<{
    path: string;
    uri?: string;
    title: string;
    date?: { year?: number; month?: number; day?: number };
    /** `page`: for a PDF source, the figure's page. */
    figures: Array<{ kind: string; value: string; line: number; page?: number }>;
    names: Array<{ name: string; kind: string; line: number }>;
  }>;
  skipped: Array<{ path: string; reason: string }>;
}

export interface SourceNode {
  label: string;
  description?: string;
  tooltip?: string;
  /** Where clicking opens, if anywhere. */
  open?: { uri: string; line: number };
  /** Greyed: a file that could not be indexed. */
  skipped?: boolean;
  children: SourceNode[];
}

const KIND_TITLES: Record<string, string> = { money: "Money", percent: "Percentages", count: "Counts", date: "Dates", rank: "Ranks" };

function dateText(date: SourcesPayload["documents"][number]["date"]): string | undefined {
  if (!date?.year) return undefined;
  return [date.year, date.month, date.day].filter((n) => n !== undefined).map((n) => String(n).padStart(2, "0")).join("-");
}

/** Tree of sources: document → figures by kind and names; skipped files greyed with the reason. */
export function sourceTree(payload: SourcesPayload, filter = ""): SourceNode[] {
  const wanted = filter.trim().toLowerCase();
  const matches = (text: string) => wanted === "" || text.toLowerCase().includes(wanted);
  const nodes: SourceNode[] = [];
  for (const document of payload.documents) {
    const at = (line: number) => (document.uri ? { uri: document.uri, line } : undefined);
    const kinds = new Map<string, SourceNode[]>();
    for (const figure of document.figures) {
      if (!matches(figure.value) && !matches(document.title)) continue;
      const list = kinds.get(figure.kind) ?? [];
      list.push({ label: figure.value, description: figure.page ? `p. ${figure.page}` : `line ${figure.line + 1}`, open: at(figure.line), children: [] });
      kinds.set(figure.kind, list);
    }
    const names = document.names.filter((n) => matches(n.name) || matches(document.title)).map((n) => ({ label: n.name, description: n.kind, open: at(n.line), children: [] }));
    const children: SourceNode[] = [...kinds.entries()].map(([kind, list]) => ({ label: `${KIND_TITLES[kind] ?? kind} (${list.length})`, children: list }));
    if (names.length) children.push({ label: `Names (${names.length})`, children: names });
    if (wanted && children.length === 0 && !matches(document.path)) continue;
    const date = dateText(document.date);
    nodes.push({
      label: document.title.length > 80 ? document.title.slice(0, 79) + "…" : document.title,
      description: [document.path, date, `${document.figures.length} figures, ${document.names.length} names`].filter(Boolean).join(" · "),
      tooltip: `${document.path}\n${document.title}`,
      open: at(0),
      children,
    });
  }
  for (const skipped of payload.skipped) {
    if (!matches(skipped.path)) continue;
    nodes.push({ label: skipped.path, description: "skipped", tooltip: `Not indexed: ${skipped.reason}`, skipped: true, children: [] });
  }
  return nodes;
}

export interface FactRow {
  kind: string;
  value: string;
  about: string;
  time?: string;
  path: string;
  line: number;
  /** PDF and Word sources: where a reader finds the figure (see Fact). */
  page?: number;
  paragraph?: number;
  uri?: string;
}

export interface DisagreementRow {
  description: string;
  sides: Array<{ path: string; line: number; uri?: string }>;
}

/** Messages the fact sheet may send; anything else is ignored. */
export const factSheetMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("open"), uri: z.string().regex(/^file:/).max(4096), line: z.number().int().min(0).max(10_000_000) }),
  z.object({ type: z.literal("ready") }),
]);
export type FactSheetMessage = z.infer<typeof factSheetMessage>;

export function parseFactSheetMessage(raw: unknown): FactSheetMessage | undefined {
  const parsed = factSheetMessage.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The fact sheet page. Data goes in as escaped HTML rows with data- attributes; the only script is
 * media/factSheet.js, loaded by URL with the nonce; the CSP allows nothing else.
 */
export function factSheetHtml(facts: readonly FactRow[], disagreements: readonly DisagreementRow[], options: { nonce: string; cspSource: string; scriptUri: string; styleUri: string }): string {
  const attr = (text: string) => escapeHtml(text);
  const openAttrs = (uri: string | undefined, line: number) => (uri ? ` data-uri="${attr(uri)}" data-line="${line}" tabindex="0"` : "");
  const disputeItems = disagreements
    .map((d) => `<li${openAttrs(d.sides[0]?.uri, d.sides[0]?.line ?? 0)}>${escapeHtml(d.description)}</li>`)
    .join("\n");
  const rows = facts
    .map((f) => `<tr${openAttrs(f.uri, f.line)}><td>${escapeHtml(f.value)}</td><td>${escapeHtml(f.kind)}</td><td>${escapeHtml(f.about)}</td><td>${escapeHtml(f.time ?? "")}</td><td class="path" title="${attr(citeLocation(f))}">${escapeHtml(citeLocation(f))}</td></tr>`)
    .join("\n");
  const csp = `default-src 'none'; img-src ${options.cspSource}; style-src ${options.cspSource}; script-src 'nonce-${attr(options.nonce)}'`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${attr(options.styleUri)}">
<title>Grounded: Fact Sheet</title></head>
<body>
<h1>Fact sheet</h1>
${disagreements.length ? `<section class="disputes" aria-label="Where the sources disagree"><h2>The sources disagree</h2><ul>${disputeItems}</ul></section>` : ""}
<label class="filter">Filter <input id="filter" type="search" placeholder="value, kind, words, source…" aria-label="Filter facts"></label>
<p class="count" id="count">${facts.length} facts</p>
<table id="facts"><thead><tr><th data-sort="0" tabindex="0">Value</th><th data-sort="1" tabindex="0">Kind</th><th data-sort="2" tabindex="0">What it measures</th><th data-sort="3" tabindex="0">Time</th><th data-sort="4" tabindex="0">Source</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<script nonce="${attr(options.nonce)}" src="${attr(options.scriptUri)}"></script>
</body></html>
`;
}
