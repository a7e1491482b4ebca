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
 * A document's sentences' words, in the order of its readings' spans. `dictionary` is its distinct
 * strings joined by "\n" (no word or key holds one: paragraphs are lines joined by spaces). `data`
 * per sentence, lists being a count and that many dictionary numbers:
 *   terms list; lower-case words list; with search: length, term count, then (number, count) each;
 *   figure count, then per figure: context term count and numbers (weights in `weights`, in order),
 *   for the first figure only the sentence's terms list, isTarget, measures list, the index of the
 *   time's figure among the sentence's figures (-1: none), its first and last year, its preposition (-1: none).
 */
export interface PackedWords {
  dictionary: string;
  data: Int32Array;
  weights: Float64Array;
}

/** Works out and packs the words of a document's sentences (`withSearch`: the search's terms too). */
export function packDocumentWords(readings: readonly ParagraphReading[], withSearch: boolean): PackedWords {
  const numbers = new Map<string, number>();
  const numberOf = (word: string): number => {
    let n = numbers.get(word);
    if (n === undefined) numbers.set(word, (n = numbers.size));
    return n;
  };
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
  return { dictionary: [...numbers.keys()].join("\n"), data: Int32Array.from(data), weights: Float64Array.from(weights) };
}

const WIDE = /[^\x00-\xff]/;

/** The same text one byte a character (it has no character above U+00FF). */
function narrow(text: string): string {
  return Buffer.from(text, "latin1").toString("latin1");
}

/** Reads packed words back in order: numbers, and dictionary strings by number. */
export class PackedWordsReader {
  readonly words: string[];
  private at = 0;
  private weightAt = 0;

  constructor(private readonly packed: PackedWords) {
    // The index keeps these words, so they are kept one byte a character where they can be: a string
    // made from slices of text with one wide character (a curly quote) is two bytes a character
    // throughout, and so is every word split from it.
    const wide = WIDE.test(packed.dictionary);
    const dictionary = wide ? packed.dictionary : narrow(packed.dictionary);
    this.words = dictionary.length > 0 ? dictionary.split("\n") : [];
    if (wide) this.words = this.words.map((word) => (WIDE.test(word) ? word : narrow(word)));
  }

  next(): number {
    return this.packed.data[this.at++]!;
  }

  nextWeight(): number {
    return this.packed.weights[this.weightAt++]!;
  }

  /** A list's dictionary strings. */
  strings(): string[] {
    const strings = new Array<string>(this.next());
    for (let i = 0; i < strings.length; i++) strings[i] = this.words[this.next()]!;
    return strings;
  }
}

/**
 * A build's numbers for the strings of documents' dictionaries: each document's distinct strings
 * are looked up once, then each part of the index finds its own number for one in an array.
 */
export class BuildNumbering {
  private readonly numbers = new Map<string, number>();
  readonly words: string[] = [];

  /** The build's numbers of a document's dictionary, by dictionary number. */
  numbersOf(dictionary: readonly string[]): Int32Array {
    const numbers = new Int32Array(dictionary.length);
    for (let i = 0; i < dictionary.length; i++) {
      const word = dictionary[i]!;
      let n = this.numbers.get(word);
      if (n === undefined) {
        this.numbers.set(word, (n = this.words.length));
        this.words.push(word);
      }
      numbers[i] = n;
    }
    return numbers;
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
