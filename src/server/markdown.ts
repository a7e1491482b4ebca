// Markdown built from untrusted text: every character that Markdown or HTML could act on is escaped,
// and the only links are ours, built from trusted parts (a file URI and a line number).
import { pathToFileURL } from "node:url";
import { citeLocation, type CorpusIndex } from "../core/index.js";

const MAX_SHOWN = 320;

/**
 * How hovers may link: VS Code (our extension) runs our command and draws codicons; any other
 * editor gets plain Markdown with `file:` links.
 */
export type MarkupFlavour = "vscode" | "plain";

/**
 * VS Code: every punctuation mark Markdown, HTML or math could act on. Other editors show the
 * backslashes as they are (Neovim), so only what can start markup is escaped there: links, HTML,
 * code, emphasis, tables, entities, and a block marker at the start of a line.
 */
export function escapeMarkdown(text: string, flavour: MarkupFlavour = "vscode", atLineStart = false): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, " ");
  if (flavour === "vscode") return clean.replace(/[\\`*_{}[\]()#+\-.!|<>~"'&:$]/g, (c) => `\\${c}`);
  const escaped = clean.replace(/[\\`*[\]<>|~&]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, (c) => `\\${c}`);
  return atLineStart ? escaped.replace(/^(\s*)([#+\-=]|\d+(?=[.)]))/, "$1\\$2") : escaped;
}

/** Shortens a sentence around [start, end) so the part that matters stays visible. */
export function excerpt(text: string, start: number, end: number): { text: string; start: number; end: number } {
  if (text.length <= MAX_SHOWN) return { text, start, end };
  const from = Math.max(0, Math.min(start - 120, text.length - MAX_SHOWN));
  const to = Math.min(text.length, from + MAX_SHOWN);
  const prefix = from > 0 ? "…" : "";
  const suffix = to < text.length ? "…" : "";
  return { text: prefix + text.slice(from, to) + suffix, start: start - from + prefix.length, end: Math.min(end, to) - from + prefix.length };
}

/** The sentence with the figure in bold, all of it escaped; it may start a line. */
export function sentenceWithFigure(sentence: string, value: string, flavour: MarkupFlavour = "vscode"): string {
  const at = value ? sentence.indexOf(value) : -1;
  if (at < 0) {
    const shown = excerpt(sentence, 0, 0).text;
    return escapeMarkdown(shown, flavour, true);
  }
  const cut = excerpt(sentence, at, at + value.length);
  return `${escapeMarkdown(cut.text.slice(0, cut.start), flavour, true)}**${escapeMarkdown(cut.text.slice(cut.start, cut.end), flavour)}**${escapeMarkdown(cut.text.slice(cut.end), flavour)}`;
}

export const OPEN_SOURCE_COMMAND = "grounded.openSource";

/** The file URI of a source by its display path. */
export function sourceUri(index: CorpusIndex, displayPath: string): string | undefined {
  const document = index.documents.find((d) => d.path === displayPath);
  return document ? pathToFileURL(document.absolutePath).toString() : undefined;
}

/** Where a line of a source is, as a reader cites it: "report.pdf p. 12", "notes.md:3". */
function citation(index: CorpusIndex, displayPath: string, line: number): string {
  const document = index.documents[index.documentNumber(displayPath)];
  return citeLocation({ path: displayPath, line, page: document?.pages?.[line], paragraph: document?.paragraphs?.[line] });
}

/**
 * A file: link to a line of a source for editors without Grounded's open-source command: a PDF
 * at its page (`#page=12`, which PDF viewers follow), other files as they are.
 */
export function sourceFileLink(index: CorpusIndex, displayPath: string, line: number): string | undefined {
  const uri = sourceUri(index, displayPath);
  const document = index.documents[index.documentNumber(displayPath)];
  const page = document?.pages?.[line];
  return uri && page ? `${uri}#page=${page}` : uri;
}

/**
 * VS Code: `[path:line](command:grounded.openSource?…)`, arguments JSON-encoded, never document text.
 * Elsewhere: a file: link any Markdown viewer can follow, at the line (`#L15`) or, for a PDF, the page (`#page=12`).
 */
export function sourceLink(index: CorpusIndex, displayPath: string, line: number, flavour: MarkupFlavour = "vscode"): string {
  const label = escapeMarkdown(citation(index, displayPath, line), flavour);
  const uri = sourceUri(index, displayPath);
  if (!uri) return label;
  if (flavour === "plain") {
    // A PDF opens at its page; a text file at its line.
    const file = sourceFileLink(index, displayPath, line) ?? uri;
    return `[${label}](${file === uri ? `${uri}#L${line + 1}` : file})`;
  }
  const args = encodeURIComponent(JSON.stringify([uri, line]));
  return `[${label}](command:${OPEN_SOURCE_COMMAND}?${args} "Open the source at this line")`;
}
