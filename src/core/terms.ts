// Words as the checker compares them: folded, stop words dropped, lightly stemmed,
// and mapped to a shared concept where wording differs but the quantity is the same
// ("investor", "investment", "FDI" -> invest; "two-way trade", "turnover" -> trade).
import { foldPreservingOffsets, isCapitalAt, LETTER, NUMBER, WordScanner } from "./normalize.js";

export const STOPWORDS = new Set(
  ("a an the and or but nor of in on at to for from by with without as is are was were be been being has have had do does did " +
    "it its it's this that these those there their they them he she his her him we our us you your i me my " +
    "which who whom whose what when where while than then so such also very more most less least some any each every " +
    "both either neither other another into onto over under about around after before during since until up down out off " +
    "not no only just can could will would shall should may might must said says say according per via " +
    "mr mrs ms s t").split(/\s+/),
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
  korea: "korea", korean: "korea", koreans: "korea", rok: "korea", seoul: "korea",
  vietnam: "vietnam", vietnamese: "vietnam", viet: "vietnam", hanoi: "vietnam",
  visitor: "visitor", visitors: "visitor", tourist: "visitor", tourists: "visitor", arrivals: "visitor",
  company: "company", companies: "company", firm: "company", firms: "company", business: "company", businesses: "company",
  enterprise: "company", enterprises: "company",
  worker: "worker", workers: "worker", labourers: "worker", laborers: "worker", employees: "worker",
  established: "establish", establish: "establish", establishment: "establish", founded: "establish",
  upgraded: "upgrade", upgrade: "upgrade", elevated: "upgrade",
  provider: "provide", provide: "provide", provided: "provide", provides: "provide", providing: "provide",
  host: "host", hosts: "host", hosted: "host", hosting: "host",
});

/**
 * Words that say *which* quantity a number measures. Two figures whose local words
 * disagree on these are different quantities even when everything else matches:
 * "trade surplus" is not "trade", "imports" are not "trade".
 */
export const MEASURE_WORDS = new Set([
  "import", "export", "surplus", "deficit", "growth", "gdp", "revenue", "profit", "sales", "debt", "inflation",
  "unemployment", "population", "tariff", "price", "wage", "salary", "budget", "tax", "income", "share", "capita",
  "loss", "spending", "reserve", "remittance", "loan",
]);

function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith("ies") && word.length > 4) return word.slice(0, -3) + "y";
  if (word.endsWith("sses")) return word.slice(0, -2);
  if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) return word;
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

/** Terms of words already seen (null: none); text repeats its words, so most lookups hit. */
const termCache = new Map<string, string | null>();
const TERM_CACHE_LIMIT = 100_000;

/** The comparable form of one folded word, or undefined for stop words and numbers. */
export function termOf(foldedWord: string): string | undefined {
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
  const concept = CONCEPTS[word];
  if (concept) return concept;
  const stemmed = stem(word);
  return CONCEPTS[stemmed] ?? stemmed;
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

/** Splits a sentence into word tokens with offsets (letters, digits, inner hyphens and apostrophes). */
export function wordTokens(text: string): WordToken[] {
  const folded = foldPreservingOffsets(text);
  const tokens: WordToken[] = [];
  // /[\p{L}\p{N}]+(?:['\-.][\p{L}\p{N}]+)*/gu
  const scanner = new WordScanner(folded, LETTER | NUMBER, "'-.");
  while (scanner.next()) {
    const { start, end } = scanner;
    const word = folded.slice(start, end);
    tokens.push({ word, term: termOf(word), start, end, capitalized: isCapitalAt(text, start) });
    // Hyphenated words also count as their parts ("two-way trade" -> trade; "third-largest" -> largest).
    if (word.includes("-") && !CONCEPTS[word]) addParts(tokens, word, start);
  }
  return tokens;
}

function addParts(tokens: WordToken[], word: string, start: number): void {
  let offset = start;
  for (const part of word.split("-")) {
    const term = termOf(part);
    if (term && term !== tokens[tokens.length - 1]?.term) tokens.push({ word: part, term, start: offset, end: offset + part.length, capitalized: false });
    offset += part.length + 1;
  }
}
