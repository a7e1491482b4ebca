// A source sentence as the index keeps it: where it stands in its document, not a copy of its
// text. The text (and, for a sentence across soft line breaks, where each line begins) is cut from
// the document's lines when first read. A large index has a few hundred thousand sentences and a
// check reads a few thousand: their strings (slices keeping whole paragraphs alive, joins of lines)
// were most of a restored index's objects and of the garbage collector's work.
import type { Figure, NameMention, SourceSentence } from "../types.js";

/** The lines a document's sentences are cut from. */
export interface SentenceSource {
  readonly path: string;
  /** The text of line `k`. */
  line(k: number): string;
}

/** A document's lines as its sentences read them, without the document's own `lines` array. */
export function linesOf(document: { readonly path: string; readonly lines: readonly string[] }): SentenceSource {
  return { path: document.path, line: (k) => document.lines[k]! };
}

/**
 * A document's text as its encoded bytes, each line decoded when read: a restored index holds its
 * documents' texts off the JavaScript heap (UTF-8 is half the size of the UTF-16 string a text with
 * one curly quote becomes, and the garbage collector never copies or scans it), and splitting every
 * document into lines would make a string per line that no check reads.
 */
export class EncodedLines implements SentenceSource {
  private starts: Int32Array | undefined;

  constructor(
    readonly path: string,
    private readonly bytes: Buffer,
    private readonly encoding: "latin1" | "utf8",
  ) {}

  line(k: number): string {
    const starts = (this.starts ??= lineStarts(this.bytes));
    return this.bytes.toString(this.encoding, starts[k]!, starts[k + 1]! - 1);
  }

  /** The whole text. */
  text(): string {
    return this.bytes.toString(this.encoding);
  }
}

/** Where each line of an encoded text starts (in bytes: a newline is one byte in UTF-8 and Latin-1), and one past its end. */
function lineStarts(bytes: Buffer): Int32Array {
  const NEWLINE = 0x0a;
  let count = 1;
  for (let at = bytes.indexOf(NEWLINE); at >= 0; at = bytes.indexOf(NEWLINE, at + 1)) count++;
  const starts = new Int32Array(count + 1);
  let line = 0;
  for (let at = bytes.indexOf(NEWLINE); at >= 0; at = bytes.indexOf(NEWLINE, at + 1)) starts[++line] = at + 1;
  starts[count] = bytes.length + 1;
  return starts;
}

/** What most sentences have of figures or names: one shared array, never modified, instead of one each. */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/**
 * Own fields are the sentence's data (what two equal sentences compare equal on); where it is cut
 * from and the text once cut are private.
 */
export class StoredSentence implements SourceSentence {
  /** Set for PDF and Word sources (placeInDocument); absent for the rest. */
  declare pages?: number[];
  declare paragraph?: number;
  readonly #source: SentenceSource;
  /** The line it ends on; `line` when it stands on one. */
  readonly #lastLine: number;
  #text: string | undefined = undefined;

  constructor(
    readonly id: number,
    source: SentenceSource,
    readonly line: number,
    readonly start: number,
    lastLine: number,
    readonly end: number,
    public figures: Figure[] = NONE,
    public names: NameMention[] = NONE,
  ) {
    this.#source = source;
    this.#lastLine = lastLine;
  }

  get path(): string {
    return this.#source.path;
  }

  get endLine(): number | undefined {
    return this.#lastLine === this.line ? undefined : this.#lastLine;
  }

  get text(): string {
    return (this.#text ??= this.#cut());
  }

  /** The text without keeping it: for a pass over every sentence (the search's build, a save), which would otherwise keep them all. */
  peekText(): string {
    return this.#text ?? this.#cut();
  }

  /** Where each later line begins in the text, from the lines' lengths (a build asks for every named sentence's; its text need not be cut for that). */
  get breaks(): number[] | undefined {
    const last = this.#lastLine;
    if (last === this.line) return undefined;
    const breaks: number[] = [];
    let at = this.#source.line(this.line).length - this.start;
    for (let k = this.line + 1; k <= last; k++) {
      breaks.push(at + 1);
      at += 1 + this.#source.line(k).length;
    }
    return breaks;
  }

  /** sentenceText (paragraphs.ts) of the sentence, each line read from the source as needed. */
  #cut(): string {
    const source = this.#source;
    const last = this.#lastLine;
    if (last === this.line) return source.line(this.line).slice(this.start, this.end);
    let text = source.line(this.line).slice(this.start);
    for (let k = this.line + 1; k <= last; k++) text += ` ${k === last ? source.line(k).slice(0, this.end) : source.line(k)}`;
    return text;
  }

  /** The sentence as the plain SourceSentence it stands for (what JSON and a test's comparison read). */
  toJSON(): SourceSentence {
    const endLine = this.endLine;
    return {
      id: this.id,
      path: this.path,
      line: this.line,
      start: this.start,
      end: this.end,
      ...(endLine !== undefined ? { endLine, breaks: this.breaks! } : {}),
      text: this.text,
      figures: this.figures,
      names: this.names,
      ...(this.pages ? { pages: this.pages } : {}),
      ...(this.paragraph !== undefined ? { paragraph: this.paragraph } : {}),
    };
  }
}

/** A sentence's text, not kept by a stored sentence that has not kept it yet (see peekText). */
export function passingText(sentence: SourceSentence): string {
  return sentence instanceof StoredSentence ? sentence.peekText() : sentence.text;
}
