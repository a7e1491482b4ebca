// The draft report: every checked figure and name with its verdict and sources,
// counts per verdict and a score. Rendered as self-contained HTML with no script,
// every piece of text escaped, for the CLI (`check --format html`) and the editor.
import type { Finding, Verdict } from "../types.js";

export interface DraftReport {
  path: string;
  counts: Record<Verdict, number>;
  /** Share of checked figures the sources support (0-1), or undefined when nothing was checked. */
  score: number | undefined;
  findings: Finding[];
}

const VERDICTS: Verdict[] = ["contradicted", "disputed", "unverifiable", "supported"];

export function summarize(path: string, findings: Finding[]): DraftReport {
  const counts = { contradicted: 0, disputed: 0, unverifiable: 0, supported: 0 } as Record<Verdict, number>;
  for (const finding of findings) counts[finding.verdict]++;
  const total = findings.length;
  return { path, counts, score: total ? counts.supported / total : undefined, findings };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Links are built by the caller from trusted parts only (a path and a line), never from document text. */
export interface ReportLinks {
  draftLine(path: string, line: number): string;
  sourceLine(path: string, line: number): string;
}

export const fileLinks: ReportLinks = {
  draftLine: (path, line) => `${encodeURI(path)}#L${line + 1}`,
  sourceLine: (path, line) => `${encodeURI(path)}#L${line + 1}`,
};

const STYLE = `
body { font: 14px/1.5 var(--vscode-font-family, system-ui, sans-serif); color: var(--vscode-foreground, #1f2328);
  background: var(--vscode-editor-background, #fff); margin: 1.5rem; }
h1 { font-size: 1.3rem; margin: 0 0 .25rem; } h2 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
.summary { display: flex; gap: 1rem; flex-wrap: wrap; margin: .75rem 0; }
.pill { padding: .2rem .6rem; border-radius: 999px; border: 1px solid currentColor; }
.contradicted { color: var(--vscode-editorWarning-foreground, #9a6700); }
.disputed { color: var(--vscode-editorInfo-foreground, #0969da); }
.unverifiable { color: var(--vscode-descriptionForeground, #57606a); }
.supported { color: var(--vscode-testing-iconPassed, #1a7f37); }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: .35rem .5rem;
  border-bottom: 1px solid var(--vscode-panel-border, #d0d7de); }
td { overflow-wrap: break-word; } td.sources { font-size: .9em; } a { color: var(--vscode-textLink-foreground, #0969da); }
/* Paths stay on one line, cut with an ellipsis (the full path in the tooltip), however narrow the column. */
td.sources { width: 30%; max-width: 0; } td.sources div { display: flex; gap: .4em; min-width: 0; } td.sources a { flex: 0 1 auto; min-width: 3em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
td.sources b { flex: none; white-space: nowrap; } h2 { overflow-wrap: anywhere; }
/* A narrow column: each finding becomes a block of lines instead of five squeezed columns. */
@media (max-width: 640px) {
  table, tbody, tr, td, td.sources { display: block; width: auto; max-width: none; } thead { display: none; }
  tr { border-bottom: 1px solid var(--vscode-panel-border, #d0d7de); padding: .4rem 0; } td { border: none; padding: .1rem 0; }
  td:first-child, td:nth-child(2), td:nth-child(3) { display: inline-block; margin-right: .6em; }
}
.meter { width: 24rem; max-width: 100%; accent-color: var(--vscode-testing-iconPassed, #1a7f37); }
`;

/** Renders reports as one HTML page. `nonce`, when given, is put on the style element for a strict CSP. */
export function renderReportHtml(reports: DraftReport[], links: ReportLinks = fileLinks, nonce?: string): string {
  const nonceAttribute = nonce ? ` nonce="${escapeHtml(nonce)}"` : "";
  const sections = reports.map((report) => {
    const score = report.score === undefined ? "nothing to check" : `${Math.round(report.score * 100)}% of checked claims supported`;
    const pills = VERDICTS.map((v) => `<span class="pill ${v}">${report.counts[v]} ${v}</span>`).join("");
    const rows = [...report.findings]
      .sort((a, b) => VERDICTS.indexOf(a.verdict) - VERDICTS.indexOf(b.verdict) || a.range.start.line - b.range.start.line)
      .map((f) => {
        const where = `<a href="${escapeHtml(links.draftLine(report.path, f.range.start.line))}">${f.range.start.line + 1}:${f.range.start.character + 1}</a>`;
        const sources = f.sources
          .slice(0, 3)
          .map((s) => `<div><a href="${escapeHtml(links.sourceLine(s.path, s.line))}" title="${escapeHtml(`${s.path}:${s.line + 1}`)}">${escapeHtml(s.path)}:${s.line + 1}</a> <b>${escapeHtml(s.value)}</b></div>`)
          .join("");
        return `<tr><td>${where}</td><td><b>${escapeHtml(f.claimText)}</b></td><td class="${f.verdict}">${f.verdict}</td><td>${escapeHtml(f.message)}</td><td class="sources">${sources}</td></tr>`;
      })
      .join("\n");
    const percent = report.score === undefined ? 0 : Math.round(report.score * 100);
    return `<section>
<h2>${escapeHtml(report.path)}</h2>
<progress class="meter" max="100" value="${percent}" aria-label="${escapeHtml(score)}"></progress>
<p>${escapeHtml(score)}</p>
<div class="summary">${pills}</div>
<table><thead><tr><th>Line</th><th>Claim</th><th>Verdict</th><th>Message</th><th>Sources</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="5">No figures or titled names found.</td></tr>'}
</tbody></table>
</section>`;
  });
  const csp = `default-src 'none'; style-src ${nonce ? `'nonce-${escapeHtml(nonce)}'` : "'unsafe-inline'"}; img-src 'none'; script-src 'none'`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Grounded draft report</title>
<style${nonceAttribute}>${STYLE}</style></head>
<body><h1>Grounded draft report</h1>
${sections.join("\n")}
</body></html>
`;
}
