// Findings as LSP diagnostics: contradicted -> Warning, disputed -> Information,
// unverifiable per setting; supported ones are not shown.
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from "vscode-languageserver";
import { type CorpusIndex, type Finding, pageOrParagraph } from "../../core/index.js";
import { sourceUri } from "../markdown.js";

export interface DiagnosticData {
  suggestion?: string;
  claimText: string;
  /** `page`/`paragraph`: for PDF and Word sources, where a reader finds it. */
  sources: Array<{ path: string; line: number; page?: number; paragraph?: number; uri?: string }>;
}

export function toDiagnostics(index: CorpusIndex, findings: readonly Finding[], unverifiable: "off" | "hint" | "information"): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const finding of findings) {
    let severity: DiagnosticSeverity;
    if (finding.verdict === "contradicted") severity = DiagnosticSeverity.Warning;
    else if (finding.verdict === "disputed") severity = DiagnosticSeverity.Information;
    else if (finding.verdict === "unverifiable" && unverifiable !== "off") severity = unverifiable === "hint" ? DiagnosticSeverity.Hint : DiagnosticSeverity.Information;
    else continue;
    const relatedInformation: DiagnosticRelatedInformation[] = [];
    const sources = finding.sources.map((s) => ({ path: s.path, line: s.line, ...pageOrParagraph(s), uri: sourceUri(index, s.path) }));
    for (const [i, source] of finding.sources.entries()) {
      const uri = sources[i]!.uri;
      if (!uri) continue;
      const start = source.start ?? 0;
      relatedInformation.push({
        location: { uri, range: { start: { line: source.line, character: start }, end: { line: source.line, character: source.end ?? start } } },
        message: `${finding.verdict === "disputed" ? "One source says" : "Source says"} ${source.value}`,
      });
    }
    const data: DiagnosticData = { claimText: finding.claimText, sources, ...(finding.suggestion ? { suggestion: finding.suggestion } : {}) };
    diagnostics.push({ range: finding.range, severity, code: finding.verdict, source: "grounded", message: finding.message, relatedInformation, data });
  }
  return diagnostics;
}
