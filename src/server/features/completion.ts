// Completion while typing: source figures that fit the sentence being written (after a digit,
// a currency sign or word), and names from the sources (after a capitalised prefix).
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position, type TextEdit } from "vscode-languageserver";
import type { CorpusIndex } from "../../core/corpusIndex.js";
import { prefixCompletions } from "../../core/names.js";
import { describeFigure } from "../../core/messages.js";
import type { CancellationToken } from "../../util/cancellation.js";
import type { DraftDocument } from "../documentCache.js";
import { sentenceWithFigure } from "../markdown.js";

export type CitationStyle = "footnote" | "inline" | "none";

export interface CompletionContext {
  index(): CorpusIndex | undefined;
  citationStyle(): CitationStyle;
}

/** A figure being typed at the end of the text: "US$", "$8", "87", "USD 8", "150 billion". */
const FIGURE_PREFIX = /(?:US\$|S\$|A\$|C\$|[$€£¥₩₫]|\b(?:USD|EUR|GBP|JPY|KRW|VND)\s?)?\d[\d,.]*$|(?:US\$|[$€£¥₩₫])$|\b(?:USD|EUR|KRW|VND)\s$/;
/** A name being typed: up to three capitalised words, the last possibly partial ("Pham M"). */
const NAME_PREFIX = /(?:\p{Lu}[\p{L}\p{M}'-]*\s){0,2}\p{Lu}[\p{L}\p{M}'-]*$/u;

function lineAt(text: string, line: number): string {
  return text.split(/\r\n|\r|\n/)[line] ?? "";
}

export class CompletionProvider {
  constructor(private readonly context: CompletionContext) {}

  provideCompletion(document: DraftDocument, position: Position, token?: CancellationToken): CompletionItem[] {
    const index = this.context.index();
    if (!index || token?.isCancellationRequested) return [];
    const text = document.getText();
    const before = lineAt(text, position.line).slice(0, position.character);
    const figure = FIGURE_PREFIX.exec(before);
    if (figure) return this.figures(index, document, text, before, figure[0], position);
    const name = NAME_PREFIX.exec(before);
    if (name && name[0].length >= 2) return this.names(index, name[0], position);
    return [];
  }

  private figures(index: CorpusIndex, document: DraftDocument, text: string, before: string, typed: string, position: Position): CompletionItem[] {
    const sentenceStart = Math.max(before.lastIndexOf(". "), before.lastIndexOf("! "), before.lastIndexOf("? "));
    const sentence = before.slice(sentenceStart + 1, before.length - typed.length);
    const digits = typed.replace(/[^\d.]/g, "");
    const currencyTyped = /[$€£¥₩₫]|USD|EUR|GBP|JPY|KRW|VND/.test(typed);
    const fitting = index.figuresFitting(sentence, { limit: 60 }).filter((s) => {
      if (s.figure.kind === "date" && currencyTyped) return false;
      if (currencyTyped && s.figure.kind !== "money") return false;
      return digits === "" || s.figure.text.replace(/[^\d.]/g, "").startsWith(digits);
    });
    const style = this.context.citationStyle();
    const lineCount = text.split(/\r\n|\r|\n/).length;
    const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
    return fitting.slice(0, 20).map((source, rank) => {
      const where = `${source.sentence.path}:${source.sentence.line + 1}`;
      const value = source.figure.text;
      let insert = value;
      const additionalTextEdits: TextEdit[] = [];
      const label = `src-${rank}-${source.sentence.line + 1}`.replace(/[^\w-]/g, "");
      const definition = `[^${label}]: ${where}`;
      const onLastLine = position.line >= lineCount - 1;
      const restOfLine = lineAt(text, position.line).slice(position.character);
      if (style === "inline" || (style === "footnote" && onLastLine && restOfLine.trim() !== "")) insert = `${value} (${where})`;
      else if (style === "footnote" && onLastLine) {
        // An edit at the end of the document would touch this one: the definition goes in the same edit.
        insert = `${value}[^${label}]\n\n${definition}`;
      } else if (style === "footnote") {
        insert = `${value}[^${label}]`;
        const lastLine = text.split(/\r\n|\r|\n/)[lineCount - 1] ?? "";
        const end = { line: lineCount - 1, character: lastLine.length };
        additionalTextEdits.push({ range: { start: end, end }, newText: `${lastLine.trim() ? "\n\n" : "\n"}${definition}\n` });
      }
      return {
        label: value,
        kind: CompletionItemKind.Value,
        detail: `${describeFigure(source.figure)} · ${source.figure.kind} · ${where}`,
        documentation: { kind: MarkupKind.Markdown, value: sentenceWithFigure(source.sentence.text, value) },
        sortText: String(rank).padStart(4, "0"),
        filterText: typed + value,
        insertTextFormat: InsertTextFormat.PlainText,
        textEdit: { range, newText: insert },
        ...(additionalTextEdits.length ? { additionalTextEdits } : {}),
        data: { uri: document.uri },
      };
    });
  }

  private names(index: CorpusIndex, typed: string, position: Position): CompletionItem[] {
    const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
    return prefixCompletions(index.names, typed, 20).map((match, rank) => ({
      label: match.label,
      kind: match.entity.kind === "person" ? CompletionItemKind.Constant : CompletionItemKind.Reference,
      detail: [match.title ? capitalise(match.title) : "", match.entity.kind, `${match.entity.mentions.length} mentions`].filter(Boolean).join(" · "),
      documentation: { kind: MarkupKind.Markdown, value: match.entity.mentions[0] ? sentenceWithFigure(match.entity.mentions[0].sentence, match.entity.mentions[0].text) : "" },
      sortText: String(rank).padStart(4, "0"),
      filterText: typed,
      textEdit: { range, newText: match.label },
    }));
  }
}

function capitalise(title: string): string {
  return title.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}
