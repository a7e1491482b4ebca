// Completion while typing: source figures that fit the sentence being written (after a digit,
// a currency sign or word), and names from the sources (after a capitalised prefix).
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position, type TextEdit } from "vscode-languageserver";
import { type CorpusIndex, describeFigure, extractFigures, prefixCompletions } from "../../core/index.js";
import type { CancellationToken } from "../../util/cancellation.js";
import type { DraftDocument } from "../documentCache.js";
import { sentenceWithFigure, type MarkupFlavour } from "../markdown.js";
import { lastLine, lineAt } from "../lines.js";

export type CitationStyle = "footnote" | "inline" | "none";

export interface CompletionContext {
  index(): CorpusIndex | undefined;
  citationStyle(): CitationStyle;
  /** How to escape the documentation: VS Code's Markdown or plain (other editors). */
  flavour?(): MarkupFlavour;
}

/** A figure being typed at the end of the text: "US$", "$8", "87", "USD 8", "150 billion". */
const FIGURE_PREFIX = /(?:US\$|S\$|A\$|C\$|[$€£¥₩₫]|\b(?:USD|EUR|GBP|JPY|KRW|VND)\s?)?\d[\d,.]*$|(?:US\$|[$€£¥₩₫])$|\b(?:USD|EUR|KRW|VND)\s$/;
/** A name being typed: up to three capitalised words, the last possibly partial ("Pham M"). */
const NAME_PREFIX = /(?:\p{Lu}[\p{L}\p{M}'-]*\s){0,2}\p{Lu}[\p{L}\p{M}'-]*$/u;
/** The rest of the word under the cursor ("Pham M|inh"), and a following capitalised word. */
const WORD_REST = /^[\p{L}\p{M}'-]*/u;
const NEXT_NAME_WORD = /^\s\p{Lu}[\p{L}\p{M}'-]*/u;
/** A currency written before the amount ("US$", "€", "KRW "), or after it ("100 billion USD", "… dollars"). */
const LEADING_CURRENCY = /^(?:US\$|S\$|A\$|C\$|[$€£¥₩₫]|(?:USD|EUR|GBP|JPY|KRW|VND)\s?)/;
const TRAILING_CURRENCY = /\s+(?:(?:US\s+)?dollars?|USD|EUR|GBP|JPY|KRW|VND|euros?|won|yen|dong)$/i;


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
    if (name && name[0].length >= 2) return this.names(index, name[0], lineAt(text, position.line), position);
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
    const writersCurrency = inWritersCurrency(typed);
    const style = this.context.citationStyle();
    const last = lastLine(text);
    const lineCount = last.count;
    const restOfLine = lineAt(text, position.line).slice(position.character);
    const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
    return fitting.slice(0, 20).map((source, rank) => {
      const where = `${source.sentence.path}:${source.sentence.line + 1}`;
      // The writer typed "US$": "$22 billion" from a source goes in as "US$22 billion".
      const value = writersCurrency(source.figure.text, source.figure.unit);
      let insert = value;
      const additionalTextEdits: TextEdit[] = [];
      const label = `src-${rank}-${source.sentence.line + 1}`.replace(/[^\w-]/g, "");
      const definition = `[^${label}]: ${where}`;
      const onLastLine = position.line >= lineCount - 1;
      if (style === "inline" || (style === "footnote" && onLastLine && restOfLine.trim() !== "")) insert = `${value} (${where})`;
      else if (style === "footnote" && onLastLine) {
        // An edit at the end of the document would touch this one: the definition goes in the same edit.
        insert = `${value}[^${label}]\n\n${definition}`;
      } else if (style === "footnote") {
        insert = `${value}[^${label}]`;
        const end = { line: lineCount - 1, character: last.text.length };
        additionalTextEdits.push({ range: { start: end, end }, newText: `${last.text.trim() ? "\n\n" : "\n"}${definition}\n` });
      }
      return {
        label: value,
        kind: CompletionItemKind.Value,
        detail: `${describeFigure(source.figure)} · ${source.figure.kind} · ${where}`,
        documentation: { kind: MarkupKind.Markdown, value: sentenceWithFigure(source.sentence.text, source.figure.text, this.context.flavour?.()) },
        sortText: String(rank).padStart(4, "0"),
        filterText: typed + value,
        insertTextFormat: InsertTextFormat.PlainText,
        textEdit: { range, newText: insert },
        ...(additionalTextEdits.length ? { additionalTextEdits } : {}),
        data: { uri: document.uri },
      };
    });
  }

  /**
   * Names for the capitalised words before the cursor, trying "Prime Minister Pham M", then
   * "Minister Pham M", then "Pham M". The cursor may be inside a name (VS Code asks there too):
   * the edit then replaces the rest of the name as well, not just what is before the cursor.
   */
  private names(index: CorpusIndex, typedWords: string, line: string, position: Position): CompletionItem[] {
    const words = typedWords.split(/\s/);
    for (let first = 0; first < words.length; first++) {
      const typed = words.slice(first).join(" ");
      if (typed.length < 2) break;
      const matches = prefixCompletions(index.names, typed, 20);
      if (matches.length === 0) continue;
      const start = { line: position.line, character: position.character - typed.length };
      const after = line.slice(position.character);
      return matches.map((match, rank) => ({
        label: match.label,
        kind: match.entity.kind === "person" ? CompletionItemKind.Constant : CompletionItemKind.Reference,
        detail: [match.title ? capitalise(match.title) : "", match.entity.kind, `${match.entity.mentions.length} mentions`].filter(Boolean).join(" · "),
        documentation: { kind: MarkupKind.Markdown, value: match.entity.mentions[0] ? sentenceWithFigure(match.entity.mentions[0].sentence, match.entity.mentions[0].text, this.context.flavour?.()) : "" },
        sortText: String(rank).padStart(4, "0"),
        filterText: typed,
        textEdit: { range: { start, end: { line: position.line, character: position.character + nameRest(after, match.label.split(/\s+/).length - (words.length - first)) } }, newText: match.label },
      }));
    }
    return [];
  }
}

/** How many characters after the cursor belong to the name: the word's rest and up to `moreWords` capitalised words. */
function nameRest(after: string, moreWords: number): number {
  let length = WORD_REST.exec(after)![0].length;
  for (let i = 0; i < moreWords; i++) {
    const next = NEXT_NAME_WORD.exec(after.slice(length));
    if (!next) break;
    length += next[0].length;
  }
  return length;
}

/**
 * Rewrites a source's amount in the currency the writer typed, when it is the same currency
 * ("US$" and "$22 billion" are both US dollars); the source's own wording otherwise.
 */
function inWritersCurrency(typed: string): (sourceText: string, unit: string | undefined) => string {
  const written = LEADING_CURRENCY.exec(typed)?.[0];
  const writtenUnit = written ? extractFigures(`${written}1`)[0]?.unit : undefined;
  if (!written || !writtenUnit) return (sourceText) => sourceText;
  return (sourceText, unit) => {
    if (unit !== writtenUnit) return sourceText;
    const leading = LEADING_CURRENCY.exec(sourceText)?.[0];
    if (leading) return written + sourceText.slice(leading.length);
    if (!/^\d/.test(sourceText)) return sourceText;
    // "100 billion USD", or "150 billion" the source's sentence puts in dollars: as the writer writes it.
    const trailing = TRAILING_CURRENCY.exec(sourceText);
    return written + (trailing ? sourceText.slice(0, trailing.index) : sourceText);
  };
}

function capitalise(title: string): string {
  return title.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}
