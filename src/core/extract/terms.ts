// Words as the checker compares them: folded, stop words dropped, stemmed (Porter2),
// and mapped to a shared concept where wording differs but the quantity is the same
// ("investor", "investment", "FDI" -> invest; "two-way trade", "turnover" -> trade).
// Places are one term whatever the form: "Vietnamese" and "Vietnam", "U.S." and "American".
import stemWord from "wink-porter2-stemmer";
import { foldPreservingOffsets, isCapitalAt, LETTER, NUMBER, WordScanner } from "./normalize.js";
import { PLACE_PHRASES, placeTermOf } from "../knowledge/placeTerms.js";

export const STOPWORDS = new Set(
  ("a an the and or but nor of in on at to for from by with without as is are was were be been being has have had do does did " +
    "it its it's this that these those there their they them he she his her him we our us you your i me my " +
    "which who whom whose what when where while than then so such also very more most less least some any each every " +
    "both either neither other another into onto over under about around after before during since until up down out off " +
    "not no only just can could will would shall should may might must said says say according per via " +
    "mr mrs ms s t among between through across within upon toward towards amid against along beyond despite whether " +
    "because though although yet thus therefore still even ever much many came come comes went go goes got get gets " +
    // Verbs that only say a quantity has a value ("reached", "stood at"): they tell no quantity from another.
    "reach reached reaches reaching hit hits hitting stood stand stands standing amounted amounts amounting worth " +
    // Hedges ("roughly 80 percent", "nearly $20 million"): how exact a figure is, not what it measures.
    "roughly nearly almost approximately").split(/\s+/),
);

/** Surface forms (folded) that name the same concept. */
// No prototype: "constructor" or "tostring" in a text must not look up Object's own members.
const CONCEPTS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  investor: "invest", investors: "invest", investment: "invest", investments: "invest", invested: "invest", investing: "invest",
  invests: "invest", fdi: "invest", capital: "invest",
  trade: "trade", trading: "trade", traded: "trade", trades: "trade", turnover: "trade", "two-way": "trade", commerce: "trade",
  aid: "aid", oda: "aid", assistance: "aid", grant: "aid", grants: "aid",
  target: "target", targets: "target", goal: "target", goals: "target", aim: "target", aims: "target", aiming: "target",
  objective: "target", objectives: "target",
  economy: "economy", economies: "economy", economic: "economy",
  meet: "meet", met: "meet", meeting: "meet", meetings: "meet", talks: "meet",
  relations: "relation", relation: "relation", ties: "relation", relationship: "relation",
  biggest: "largest", largest: "largest", top: "largest",
  visitor: "visitor", visitors: "visitor", tourist: "visitor", tourists: "visitor", arrivals: "visitor",
  company: "company", companies: "company", firm: "company", firms: "company", business: "company", businesses: "company",
  enterprise: "company", enterprises: "company",
  worker: "worker", workers: "worker", labourers: "worker", laborers: "worker", employees: "worker",
  established: "establish", establish: "establish", establishment: "establish", founded: "establish",
  upgraded: "upgrade", upgrade: "upgrade", elevated: "upgrade",
  provider: "provide", provide: "provide", provided: "provide", provides: "provide", providing: "provide",
  host: "host", hosts: "host", hosted: "host", hosting: "host",
  // A merger or an acquisition is a deal: "a study of four dozen deals" counts the mergers a source counts.
  deal: "deal", deals: "deal", merger: "deal", mergers: "deal", acquisition: "deal", acquisitions: "deal",
  // The measure "growth" is what "the economy grew 2.4%" states.
  growth: "growth", grow: "growth", grows: "growth", grew: "growth", growing: "growth", grown: "growth",
});

/** Concepts by stem, so every inflection of a listed word ("upgrading") finds the concept. */
const STEM_CONCEPTS = new Map<string, string>();
for (const [word, concept] of Object.entries(CONCEPTS)) if (!word.includes("-")) STEM_CONCEPTS.set(stemWord(word), concept);

/** Porter2 stem of a plain word; abbreviations ("u.s") and words with digits stay as written. */
function stem(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  return stemWord(word);
}

/** Terms of words already seen (null: none); text repeats its words, so most lookups hit. */
const termCache = new Map<string, string | null>();
const TERM_CACHE_LIMIT = 100_000;

/** The comparable form of one folded word, or undefined for stop words and numbers. */
export function termOf(foldedWord: string): string | undefined {
  // Stop words are a third of all words; their small set answers faster than the large cache.
  if (STOPWORDS.has(foldedWord)) return undefined;
  const cached = termCache.get(foldedWord);
  if (cached !== undefined) return cached ?? undefined;
  const term = computeTerm(foldedWord);
  if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
  termCache.set(foldedWord, term ?? null);
  return term;
}

function computeTerm(foldedWord: string): string | undefined {
  let word = foldedWord;
  if (word.endsWith("'s")) word = word.slice(0, -2);
  if (word.length < 2 || STOPWORDS.has(word)) return undefined;
  if (/^[\d.,]+$/.test(word)) return undefined;
  const concept = CONCEPTS[word] ?? placeTermOf(word);
  if (concept) return concept;
  const stemmed = stem(word);
  return STEM_CONCEPTS.get(stemmed) ?? stemmed;
}

/**
 * Words that say *which* quantity a number measures (as terms). Two figures whose local words
 * disagree on these are different quantities even when everything else matches:
 * "trade surplus" is not "trade", "imports" are not "trade".
 */
export const MEASURE_WORDS: ReadonlySet<string> = new Set(
  [
    "import", "export", "surplus", "deficit", "growth", "gdp", "revenue", "profit", "sales", "debt", "inflation",
    "unemployment", "population", "tariff", "price", "wage", "salary", "budget", "tax", "income", "share", "capita",
    "loss", "spending", "reserve", "remittance", "loan",
  ].map((word) => termOf(word)!),
);

/**
 * Whether a word names a measure itself ("growth", "imports"), not only the concept of one: "grew"
 * is growth for matching ("the economy grew 2.4%" states growth) but "grew 16% to $1.7 trillion"
 * does not make the level a growth rate.
 */
export function namesMeasure(foldedWord: string, term: string | undefined): boolean {
  if (term === undefined || !MEASURE_WORDS.has(term)) return false;
  const word = foldedWord.endsWith("'s") ? foldedWord.slice(0, -2) : foldedWord;
  return !(word in CONCEPTS) || CONCEPTS[word] === stem(word) || word === term;
}

export interface WordToken {
  /** Folded surface word. */
  word: string;
  /** Comparable term, undefined for stop words and numbers. */
  term: string | undefined;
  start: number;
  end: number;
  /** Starts with a capital letter in the original text. */
  capitalized: boolean;
}

/**
 * Splits a sentence into word tokens with offsets (letters, digits, inner hyphens and apostrophes).
 * `folded`: foldPreservingOffsets(text), when the caller has it.
 */
export function wordTokens(text: string, folded = foldPreservingOffsets(text)): WordToken[] {
  const tokens: WordToken[] = [];
  // /[\p{L}\p{N}]+(?:['\-.][\p{L}\p{N}]+)*/gu
  const scanner = new WordScanner(folded, LETTER | NUMBER, "'-.");
  while (scanner.next()) {
    const { start, end } = scanner;
    const word = folded.slice(start, end);
    // "US" in capitals is the country, not the pronoun.
    const term = word.length === 2 && text.charCodeAt(start + 1) <= 90 ? (placeTermOf(word, true) ?? termOf(word)) : termOf(word);
    tokens.push({ word, term, start, end, capitalized: isCapitalAt(text, start) });
    // Hyphenated words also count as their parts ("two-way trade" -> trade; "third-largest" -> largest).
    if (word.includes("-") && !CONCEPTS[word]) addParts(tokens, word, start);
    // A web address names its site: "OneStat.com" is OneStat (not "U.S.", whose parts are letters).
    if (word.includes(".") && WEB_NAME.test(word)) addSiteName(tokens, word, start);
    markPlacePhrase(tokens);
  }
  return tokens;
}

/**
 * The last word of a place written in several words ("United States", "Viet Nam") takes the
 * place's term; no token is added, so distances between words stay as written.
 */
function markPlacePhrase(tokens: WordToken[]): void {
  const last = tokens[tokens.length - 1]!;
  // "Việt Nam's" ends the phrase "viet nam".
  const lastWord = last.word.endsWith("'s") ? last.word.slice(0, -2) : last.word;
  const lengths = PLACE_PHRASES.lengthsEndingWith(lastWord);
  if (!lengths) return;
  for (const length of lengths) {
    if (length > tokens.length) continue;
    let phrase = lastWord;
    for (let k = tokens.length - 2; k >= tokens.length - length; k--) phrase = tokens[k]!.word + " " + phrase;
    const term = PLACE_PHRASES.term(phrase);
    if (term === undefined) continue;
    last.term = term;
    return;
  }
}

/** A dotted word whose first part is a name of three letters or more: "onestat.com", "bbc.co.uk". */
const WEB_NAME = /^[a-z]{3,}(?:\.[a-z]{2,})+$/;

function addSiteName(tokens: WordToken[], word: string, start: number): void {
  const name = word.slice(0, word.indexOf("."));
  const term = termOf(name);
  if (term) tokens.push({ word: name, term, start, end: start + name.length, capitalized: tokens[tokens.length - 1]!.capitalized });
}

function addParts(tokens: WordToken[], word: string, start: number): void {
  let offset = start;
  for (const part of word.split("-")) {
    const term = termOf(part);
    if (term && term !== tokens[tokens.length - 1]?.term) tokens.push({ word: part, term, start: offset, end: offset + part.length, capitalized: false });
    offset += part.length + 1;
  }
}
