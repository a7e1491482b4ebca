// Who or what a source figure is about, as far as the words say: the proper names of its
// sentence, else of the sentences just before it ("Umbro … Pre-tax profit was £15.4m"), else of
// its document's title. Two figures about different subjects cannot disagree.
import type { SourceSentence } from "../types.js";
import { termOf } from "../extract/terms.js";
import { foldPreservingOffsets, isCapitalAt, LETTER, NUMBER, WordScanner } from "../extract/normalize.js";
import { isCurrencyPrefix, isCurrencySuffix, isMonth } from "../knowledge/figureWords.js";

/** What the subject test needs from the index. */
export interface SubjectSource {
  documentNumber(path: string): number;
  /** The ids of a document's sentences: [from, to). */
  documentSentences(path: string): { from: number; to: number };
  readonly documents: ReadonlyArray<{ title: string }>;
  readonly sentences: readonly SourceSentence[];
  /** The capitals of a whole document of which only some sentences are indexed (an archive's). */
  documentCapitals?(path: string): ReadonlySet<string> | undefined;
}

/** Capitalised words of the calendar name a time, not a subject. */
const WEEKDAYS = new Set(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);
/** How many sentences back a subject carries over to one that names none. */
export const CARRY_OVER = 3;
const EMPTY: ReadonlySet<string> = new Set();

interface Cache {
  sentences: Map<number, ReadonlySet<string>>;
  titles: Map<string, ReadonlySet<string>>;
  /** Per document and word: written with a capital inside a sentence, where a capital means a name. */
  capitalizedInside: Map<string, Map<string, boolean>>;
}

const caches = new WeakMap<SubjectSource, Cache>();

function cacheOf(index: SubjectSource): Cache {
  let cache = caches.get(index);
  if (!cache) caches.set(index, (cache = { sentences: new Map(), titles: new Map(), capitalizedInside: new Map() }));
  return cache;
}

/** Days and months (folded), written with a capital without naming anyone. */
export function isCalendarWord(word: string): boolean {
  return isMonth(word) || WEEKDAYS.has(word);
}

/** Calendar words and currencies ("USD") are written with capitals without naming anyone. */
function isSubjectWord(word: string): boolean {
  return !isCalendarWord(word) && !isCurrencySuffix(word) && !isCurrencyPrefix(word.toUpperCase());
}

/**
 * Adds the folded words of `text` written with a capital, after its first word: the words and
 * capitals of `wordTokens`, without working out their terms (a document's every sentence is read).
 */
export function capitalizedAfterFirst(text: string, into: Set<string>): void {
  const folded = foldPreservingOffsets(text);
  const scanner = new WordScanner(folded, LETTER | NUMBER, "'-.");
  let first = true;
  while (scanner.next()) {
    if (!first && isCapitalAt(text, scanner.start)) into.add(folded.slice(scanner.start, scanner.end));
    first = false;
  }
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Patterns a sentence matches whenever its folded text holds `word` (folded): in any case, and in
 * text outside ASCII with any such unit in any place (folding keeps offsets and turns ASCII into
 * ASCII, so a unit that folds to a letter of the word is that letter or one outside ASCII). A
 * sentence neither matches cannot hold the word, and is not folded to find out.
 */
function wordPatterns(word: string): { anyCase: RegExp; folding: RegExp } {
  const escape = (unit: string) => unit.replace(/[.*+?^${}()|[\]\\\/-]/g, "\\$&");
  const units = word.split("");
  const folding = units.map((unit) => (unit.charCodeAt(0) < 0x80 ? `(?:${escape(unit)}|[^\\x00-\\x7f])` : "[^\\x00-\\x7f]")).join("");
  return { anyCase: new RegExp(escape(word), "i"), folding: new RegExp(folding, "i") };
}

/**
 * Whether the document of `sentence` writes `word` (folded) with a capital after the first word of
 * one of its sentences. Asked word by word: a sentence is read letter by letter only when it holds
 * the word at all in any case (lower-casing is folding for ASCII text, so no folded copy is made).
 */
function capitalizedInside(index: SubjectSource, sentence: SourceSentence, word: string): boolean {
  const cache = cacheOf(index);
  let byWord = cache.capitalizedInside.get(sentence.path);
  if (!byWord) cache.capitalizedInside.set(sentence.path, (byWord = new Map()));
  const known = byWord.get(word);
  if (known !== undefined) return known;
  const whole = index.documentCapitals?.(sentence.path);
  if (whole) return whole.has(word);
  const { anyCase, folding } = wordPatterns(word);
  const holds = (s: SourceSentence) => {
    if (!(NON_ASCII.test(s.text) ? folding : anyCase).test(s.text)) return false;
    const found = new Set<string>();
    capitalizedAfterFirst(s.text, found);
    return found.has(word);
  };
  const { from, to } = index.documentSentences(sentence.path);
  let found = false;
  for (let id = from; !found && id < to; id++) found = holds(index.sentences[id]!);
  byWord.set(word, found);
  return found;
}

/**
 * Proper terms of a text. The first word's capital says nothing, so it counts only when the
 * document writes it with a capital inside a sentence too ("BMW sold …", not "Officials said …");
 * in a title, where every word may have a capital, that holds for every word.
 */
export function properTerms(text: string, inside: (word: string) => boolean, isTitle: boolean): Set<string> {
  const terms = new Set<string>();
  const add = (word: string) => {
    const term = termOf(word);
    if (term && isSubjectWord(word)) terms.add(term);
  };
  // The words and capitals of wordTokens (whose added parts of hyphenated words have none), without
  // working out every word's term: only a word written with a capital can name a subject.
  const folded = foldPreservingOffsets(text);
  const scanner = new WordScanner(folded, LETTER | NUMBER, "'-.");
  for (let first = true; scanner.next(); first = false) {
    if (!isCapitalAt(text, scanner.start)) continue;
    const word = folded.slice(scanner.start, scanner.end);
    const capitalSaysLittle = first || isTitle;
    // A word that names nothing ("The") adds nothing: no need to read the rest of the document for it.
    if (capitalSaysLittle && !word.includes("-") && !(termOf(word) && isSubjectWord(word))) continue;
    if (capitalSaysLittle && !inside(word)) continue;
    add(word);
    // "Vietnam-Korea trade" names both.
    if (word.includes("-")) {
      let offset = scanner.start;
      for (const part of word.split("-")) {
        if (/\p{Lu}/u.test(text[offset] ?? "")) add(part);
        offset += part.length + 1;
      }
    }
  }
  return terms;
}

/** The subject terms of a source sentence (see the file comment); empty when nothing names one. */
export function subjectsOf(index: SubjectSource, sentence: SourceSentence): ReadonlySet<string> {
  const cache = cacheOf(index);
  const known = cache.sentences.get(sentence.id);
  if (known) return known;
  const inside = (word: string) => capitalizedInside(index, sentence, word);
  let subjects: ReadonlySet<string> = EMPTY;
  for (let id = sentence.id; id >= 0 && sentence.id - id <= CARRY_OVER && subjects.size === 0; id--) {
    const s = index.sentences[id]!;
    if (s.path !== sentence.path) break;
    subjects = properTerms(s.text, inside, false);
  }
  if (subjects.size === 0) {
    const title = index.documents[index.documentNumber(sentence.path)]?.title ?? "";
    subjects = cache.titles.get(sentence.path) ?? properTerms(title, inside, true);
    cache.titles.set(sentence.path, subjects);
  }
  cache.sentences.set(sentence.id, subjects);
  return subjects;
}

/** Whether two source sentences can be about the same subject: a common one, or neither names any. */
export function sameSubject(index: SubjectSource, a: SourceSentence, b: SourceSentence): boolean {
  const x = subjectsOf(index, a);
  const y = subjectsOf(index, b);
  if (x.size === 0 && y.size === 0) return true;
  for (const term of x) if (y.has(term)) return true;
  return false;
}
