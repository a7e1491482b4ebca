// The words of a document's sentences as the index keeps them: terms for term statistics, the words
// written in lower case, the sentence search's terms with their counts, and each figure's context.
// Worked out from one scan of each sentence (wordTokens), in a reader thread when there are readers,
// and packed as the document's dictionary of distinct strings plus numbers: the main thread only
// looks each distinct string up once per document and adds numbers (see CorpusIndex.addDocument).
import { wordTokens } from "../extract/terms.js";
import { foldMarksFrom, foldPreservingOffsets } from "../extract/normalize.js";
import { contextOf } from "../extract/figureContext.js";
import { countSearchTerms } from "./sentenceSearch.js";
import { entityTerms, itemsWithin } from "./sentenceParts.js";
import type { ParagraphReading } from "../sources/documentReading.js";

/**
 * Numbers the strings a reader packs in the order it first meets them, across all the documents it
 * reads: each pack carries only the strings new to it, so a string crosses to the main thread, and
 * is looked up there, once per reader instead of once per document.
 */
export class WordNumberer {
  private readonly numbers = new Map<string, number>();
  private fresh: string[] = [];

  numberOf(word: string): number {
    let n = this.numbers.get(word);
    if (n === undefined) {
      if (word.length === 0 || word.includes("\n")) throw new Error(`cannot pack the word ${JSON.stringify(word)}`);
      this.numbers.set(word, (n = this.numbers.size));
      this.fresh.push(word);
    }
    return n;
  }

  /** The strings numbered since the last call, in number order, joined by "\n" (no word or key holds one: paragraphs are lines joined by spaces). */
  takeNew(): string {
    const fresh = this.fresh.join("\n");
    this.fresh = [];
    return fresh;
  }
}

/**
 * A document's sentences' words, in the order of its readings' spans, as numbered by its reader's
 * WordNumberer. `newWords`: the strings the reader numbered for this document. `data` per sentence,
 * lists being a count and that many numbers:
 *   terms list; lower-case words list; with search: length, term count, then (number, count) each;
 *   figure count, then per figure: context term count and numbers (weights in `weights`, in order),
 *   for the first figure only the sentence's terms list, isTarget, measures list, the index of the
 *   time's figure among the sentence's figures (-1: none), its first and last year, its preposition (-1: none).
 */
export interface PackedWords {
  newWords: string;
  data: Int32Array;
  weights: Float64Array;
}

/** Works out and packs the words of a document's sentences (`withSearch`: the search's terms too). */
export function packDocumentWords(readings: readonly ParagraphReading[], withSearch: boolean, numberer: WordNumberer): PackedWords {
  const numberOf = (word: string): number => numberer.numberOf(word);
  const data: number[] = [];
  const weights: number[] = [];
  const list = (words: Iterable<string>): void => {
    const at = data.push(0) - 1;
    for (const word of words) data.push(numberOf(word));
    data[at] = data.length - at - 1;
  };
  for (const { paragraph, spans, figures: paragraphFigures, names: paragraphNames } of readings) {
    for (const span of spans) {
      const text = paragraph.text.slice(span.start, span.end);
      // Folded once for both scans of the sentence: its words and its search terms.
      const folded = foldPreservingOffsets(text);
      const tokens = wordTokens(text, folded);
      const terms = new Set<string>();
      const lowercase = new Set<string>();
      for (const token of tokens) {
        if (!token.capitalized) lowercase.add(token.word);
        if (token.term) terms.add(token.term);
      }
      list(terms);
      list(lowercase);
      if (withSearch) {
        const counted = countSearchTerms(text, foldMarksFrom(text, folded));
        data.push(counted.length, counted.terms.length);
        counted.terms.forEach((term, i) => data.push(numberOf(term), counted.counts[i]!));
      }
      const figures = itemsWithin(paragraphFigures, span);
      data.push(figures.length);
      if (figures.length === 0) continue;
      const entities = entityTerms({ names: itemsWithin(paragraphNames, span) });
      figures.forEach((figure, nth) => {
        const context = contextOf(figure, text, figures, entities, tokens);
        data.push(context.terms.size);
        for (const [term, weight] of context.terms) data.push(numberOf(term)), weights.push(weight);
        // Every figure of a sentence has the sentence's terms; the index keeps them once.
        if (nth === 0) list(context.sentenceTerms);
        data.push(context.isTarget ? 1 : 0);
        list(context.measures);
        const time = context.time;
        data.push(time ? figures.indexOf(time.figure) : -1, time?.from ?? 0, time?.to ?? 0, time?.preposition !== undefined ? numberOf(time.preposition) : -1);
      });
    }
  }
  return { newWords: numberer.takeNew(), data: Int32Array.from(data), weights: Float64Array.from(weights) };
}

const WIDE = /[^\x00-\xff]/;

/** The same text one byte a character (it has no character above U+00FF). */
function narrow(text: string): string {
  return Buffer.from(text, "latin1").toString("latin1");
}

/** Reads packed words back in order. */
export class PackedWordsReader {
  private at = 0;
  private weightAt = 0;

  constructor(private readonly packed: PackedWords) {}

  next(): number {
    return this.packed.data[this.at++]!;
  }

  nextWeight(): number {
    return this.packed.weights[this.weightAt++]!;
  }
}

/**
 * A build's numbers for the strings readers number: each string is looked up once per reader, then
 * each part of the index finds its own number for one in an array (see `table`).
 */
export class BuildNumbering {
  private readonly numbers = new Map<string, number>();
  readonly words: string[] = [];

  numberOf(word: string): number {
    let n = this.numbers.get(word);
    if (n === undefined) {
      this.numbers.set(word, (n = this.words.length));
      this.words.push(word);
    }
    return n;
  }

  /** A table from the build's numbers to another numbering (of a part of the index), filled as asked. */
  table(numberOf: (word: string) => number): (n: number) => number {
    let ids = new Int32Array(1024).fill(-1);
    return (n) => {
      if (n >= ids.length) {
        const next = new Int32Array(Math.max(n + 1, ids.length * 2)).fill(-1);
        next.set(ids);
        ids = next;
      }
      let id = ids[n]!;
      if (id < 0) ids[n] = id = numberOf(this.words[n]!);
      return id;
    };
  }
}

/**
 * One reader's numbers as the build's: told each of the reader's packs in the order the reader
 * packed them (before any of its documents is added), so a document's numbers are all known when it is added.
 */
export class ReaderNumbers {
  private numbers = new Int32Array(1024);
  private count = 0;

  constructor(private readonly build: BuildNumbering) {}

  receive(packed: PackedWords): void {
    if (packed.newWords.length === 0) return;
    // The index keeps these words, so they are kept one byte a character where they can be: a string
    // made from slices of text with one wide character (a curly quote) is two bytes a character
    // throughout, and so is every word split from it.
    const wide = WIDE.test(packed.newWords);
    let words = (wide ? packed.newWords : narrow(packed.newWords)).split("\n");
    if (wide) words = words.map((word) => (WIDE.test(word) ? word : narrow(word)));
    if (this.count + words.length > this.numbers.length) {
      const grown = new Int32Array(Math.max(this.count + words.length, this.numbers.length * 2));
      grown.set(this.numbers);
      this.numbers = grown;
    }
    for (const word of words) this.numbers[this.count++] = this.build.numberOf(word);
  }

  /** The build's number of the reader's number `n`. */
  of(n: number): number {
    return this.numbers[n]!;
  }
}
