// The words of a source sentence as the index keeps them: terms for term statistics, the words it
// writes in lower case, and the sentence search's terms with their counts. Worked out once per
// sentence, in a reader thread when there are readers (the main thread then only looks them up),
// and packed as a document's dictionary of distinct strings plus numbers.
import { wordTokens, type WordToken } from "../extract/terms.js";
import { countSearchTerms, type CountedTerms } from "./sentenceSearch.js";

export interface SentenceWords {
  /** Distinct terms, in the order the sentence first uses them. */
  terms: string[];
  /** Distinct folded words written in lower case, in order. */
  lowercase: string[];
  /** Left out when the index has no search of its own (an archive's part). */
  search?: CountedTerms;
}

export function sentenceWords(text: string, tokens: readonly WordToken[] = wordTokens(text), withSearch = true): SentenceWords {
  const terms = new Set<string>();
  const lowercase = new Set<string>();
  for (const token of tokens) {
    if (!token.capitalized) lowercase.add(token.word);
    if (token.term) terms.add(token.term);
  }
  return { terms: [...terms], lowercase: [...lowercase], ...(withSearch ? { search: countSearchTerms(text) } : {}) };
}

/**
 * A document's sentences' words: `dictionary` is its distinct strings joined by "\n" (no word holds
 * one); `data` per sentence: term count and dictionary numbers, the same for lower-case words, the
 * search length, search term count, then each search term's number and count.
 */
export interface PackedWords {
  dictionary: string;
  data: Int32Array;
}

export function packWords(sentences: readonly SentenceWords[]): PackedWords {
  const numbers = new Map<string, number>();
  const numberOf = (word: string): number => {
    let n = numbers.get(word);
    if (n === undefined) numbers.set(word, (n = numbers.size));
    return n;
  };
  const data: number[] = [];
  for (const { terms, lowercase, search } of sentences) {
    data.push(terms.length);
    for (const term of terms) data.push(numberOf(term));
    data.push(lowercase.length);
    for (const word of lowercase) data.push(numberOf(word));
    // Readers always count search terms (the index built from readers has a search).
    const counted = search ?? { terms: [], counts: [], length: 0 };
    data.push(counted.length, counted.terms.length);
    counted.terms.forEach((term, i) => data.push(numberOf(term), counted.counts[i]!));
  }
  return { dictionary: [...numbers.keys()].join("\n"), data: Int32Array.from(data) };
}

export function unpackWords(packed: PackedWords): SentenceWords[] {
  const words = packed.dictionary.split("\n");
  const { data } = packed;
  const sentences: SentenceWords[] = [];
  for (let at = 0; at < data.length; ) {
    const terms: string[] = new Array<string>(data[at++]!);
    for (let i = 0; i < terms.length; i++) terms[i] = words[data[at++]!]!;
    const lowercase: string[] = new Array<string>(data[at++]!);
    for (let i = 0; i < lowercase.length; i++) lowercase[i] = words[data[at++]!]!;
    const length = data[at++]!;
    const searchTerms: string[] = new Array<string>(data[at++]!);
    const counts: number[] = new Array<number>(searchTerms.length);
    for (let i = 0; i < searchTerms.length; i++) {
      searchTerms[i] = words[data[at++]!]!;
      counts[i] = data[at++]!;
    }
    sentences.push({ terms, lowercase, search: { terms: searchTerms, counts, length } });
  }
  return sentences;
}
