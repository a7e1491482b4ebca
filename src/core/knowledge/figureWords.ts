// Vocabulary of the figure grammar: number words, scales, currencies, months, hedges, ranks.
import type { Qualifier } from "../types.js";

export const SMALL_NUMBERS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

export const MULTIPLIERS: Record<string, number> = { dozen: 12, hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/** Verbs that state a change as a multiple ("roughly doubled"): the change in percent. */
export const MULTIPLE_CHANGES: Record<string, number> = {
  doubled: 100, doubling: 100, doubles: 100, tripled: 200, tripling: 200, trebled: 200, quadrupled: 300, halved: 50, halving: 50, halves: 50,
};

/** Scale words and abbreviations after a number ("87 billion", "87bn", "5m"). */
export const SCALES: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, millions: 1e6, mn: 1e6, mln: 1e6, m: 1e6, billion: 1e9, billions: 1e9, bn: 1e9, b: 1e9, bln: 1e9,
  trillion: 1e12, trillions: 1e12, tn: 1e12, tr: 1e12,
};

/** Currency written before the number. Keys are as written (case-sensitive for symbols, upper for codes). */
export const CURRENCY_PREFIXES: Record<string, string> = {
  $: "USD", "US$": "USD", US: "USD", USD: "USD", "S$": "SGD", "A$": "AUD", "C$": "CAD", "HK$": "HKD", "NZ$": "NZD",
  "€": "EUR", EUR: "EUR", "£": "GBP", GBP: "GBP", "¥": "JPY", JPY: "JPY", "₩": "KRW", KRW: "KRW", "₫": "VND", VND: "VND",
  CNY: "CNY", RMB: "CNY", "₹": "INR", INR: "INR", CHF: "CHF", SGD: "SGD", AUD: "AUD", CAD: "CAD",
};

/** Currency written after the number ("100 billion USD", "500 billion won"). Keys lower-case. */
export const CURRENCY_SUFFIXES: Record<string, string> = {
  usd: "USD", dollar: "USD", dollars: "USD", won: "KRW", krw: "KRW", dong: "VND", "đồng": "VND", vnd: "VND", "₫": "VND",
  euro: "EUR", euros: "EUR", eur: "EUR", pound: "GBP", pounds: "GBP", gbp: "GBP", yen: "JPY", jpy: "JPY", yuan: "CNY",
  renminbi: "CNY", cny: "CNY", rupees: "INR", inr: "INR",
};

export const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

export const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, fifteenth: 15, twentieth: 20,
};

/** Superlatives that make a rank, normalised: "biggest" and "top" rank like "largest". */
export const SUPERLATIVES: Record<string, string> = {
  largest: "largest", biggest: "largest", greatest: "largest", top: "largest", smallest: "smallest", highest: "highest",
  lowest: "lowest", fastest: "fastest", leading: "largest",
};

/** Hedges and bounds, longest first so "more than" wins over a lone "more". */
export const HEDGES: Array<{ words: string[]; qualifier: Qualifier }> = [
  { words: ["no", "less", "than"], qualifier: "at-least" },
  { words: ["no", "more", "than"], qualifier: "at-most" },
  { words: ["in", "excess", "of"], qualifier: "more-than" },
  { words: ["as", "much", "as"], qualifier: "at-most" },
  { words: ["as", "many", "as"], qualifier: "at-most" },
  { words: ["more", "than"], qualifier: "more-than" },
  { words: ["less", "than"], qualifier: "less-than" },
  { words: ["fewer", "than"], qualifier: "less-than" },
  { words: ["at", "least"], qualifier: "at-least" },
  { words: ["at", "most"], qualifier: "at-most" },
  { words: ["up", "to"], qualifier: "at-most" },
  { words: ["close", "to"], qualifier: "approximately" },
  { words: ["an", "estimated"], qualifier: "approximately" },
  { words: ["nearly"], qualifier: "approximately" },
  { words: ["almost"], qualifier: "approximately" },
  { words: ["about"], qualifier: "approximately" },
  { words: ["around"], qualifier: "approximately" },
  { words: ["roughly"], qualifier: "approximately" },
  { words: ["approximately"], qualifier: "approximately" },
  { words: ["approx"], qualifier: "approximately" },
  { words: ["some"], qualifier: "approximately" },
  { words: ["over"], qualifier: "more-than" },
  { words: ["above"], qualifier: "more-than" },
  { words: ["exceeding"], qualifier: "more-than" },
  { words: ["under"], qualifier: "less-than" },
  { words: ["below"], qualifier: "less-than" },
];

export const DATE_PREPOSITIONS = new Set([
  "in", "by", "since", "for", "until", "till", "from", "on", "before", "after", "during", "through", "to", "over", "between", "at", "of",
]);

/** Words that end a counted-noun phrase ("1,200 workers in ..."). */
export const NOUN_STOPS = new Set([
  "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but", "the", "a", "an", "than", "as", "per", "into",
  "over", "under", "that", "which", "who", "was", "were", "is", "are", "be", "been", "has", "have", "had", "will", "would", "this",
  "these", "its", "their", "between", "during", "since", "until", "after", "before", "about", "around", "more", "less", "each",
  "every", "ago", "later", "earlier", "times", "percent", "per", "cent", "when", "while", "if", "so", "not", "also",
  "there", "here", "said", "says", "another", "other", "such", "it", "they", "we", "he", "she", "you", "i", "all", "both",
  // "fell to 813,200 last month": a time follows, not the counted noun.
  "last", "next",
]);

/**
 * Nouns for people and positions: a bare "13.2 million" in a clause about them counts them
 * ("put job creation at 13.2 million"); money is never counted in jobs or people.
 */
export const PEOPLE_NOUNS = new Set([
  "job", "jobs", "people", "person", "persons", "worker", "workers", "employee", "employees", "resident", "residents",
  "household", "households", "student", "students", "patient", "patients", "voter", "voters", "member", "members",
  "customer", "customers", "user", "users", "visitor", "visitors", "child", "children", "adult", "adults", "employment",
]);

/** How often, in times a year: "twice a year" and "quarterly" are frequencies that can disagree. */
export const PERIODS_PER_YEAR: Record<string, number> = { year: 1, month: 12, week: 52, day: 365 };
export const OCCASIONS: Record<string, number> = { once: 1, twice: 2, thrice: 3 };
export const FREQUENCY_ADVERBS: Record<string, number> = {
  annually: 1, yearly: 1, biannually: 2, semiannually: 2, "semi-annually": 2, quarterly: 4, monthly: 12, weekly: 52, daily: 365,
};

export function singular(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith("ies")) return word.slice(0, -3) + "y";
  if (/(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) return word;
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

// --- Forms of real text (issue 12): fractions, rates, measures, bare ordinals. ---

/** Fractions written as words, by denominator: "a quarter of", "two-thirds of". Singular and plural. */
export const FRACTIONS: Record<string, number> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fifth: 5, fifths: 5, tenth: 10, tenths: 10,
};

/** Units of measure after a number, normalised ("parts per million" is ppm). Keys as written, lower-case. */
export const MEASURE_UNITS: Record<string, string> = {
  ppm: "ppm", ppb: "ppb", mm: "mm", cm: "cm", km: "km", kg: "kg", mph: "mph", kph: "km/h", celsius: "°C", fahrenheit: "°F",
  millimetre: "mm", millimetres: "mm", millimeter: "mm", millimeters: "mm", centimetre: "cm", centimetres: "cm", centimeter: "cm",
  centimeters: "cm", kilometre: "km", kilometres: "km", kilometer: "km", kilometers: "km", kilogram: "kg", kilograms: "kg",
};

/** Percentage points: a change between two percentages, not a percentage. Keys lower-case; value in points. */
export const POINT_UNITS: Record<string, number> = { pp: 1, ppt: 1, ppts: 1 };

/** Words before a bare ordinal that make it a place in a ranking: "ranked 41st", "finished second". */
export const RANKING_VERBS = new Set([
  "ranked", "ranks", "rank", "ranking", "placed", "finished", "finishes", "came", "comes", "slipped", "dropped", "fell", "rose", "climbed", "moved",
]);


/**
 * Whether a word is a key of the records, as a Set lookup (`in` would internalise every fresh token
 * string). Only the records' own keys: "constructor" is no number word, month or scale.
 */
function keyTest(...records: object[]): (key: string) => boolean {
  const keys = new Set(records.flatMap((record) => Object.keys(record)));
  return (key) => keys.has(key);
}

export const isSmallNumber = keyTest(SMALL_NUMBERS);
export const isMultiplier = keyTest(MULTIPLIERS);
export const isScale = keyTest(SCALES);
export const isCurrencyPrefix = keyTest(CURRENCY_PREFIXES);
export const isCurrencySuffix = keyTest(CURRENCY_SUFFIXES);
export const isMonth = keyTest(MONTHS);
export const isOrdinal = keyTest(ORDINALS);
export const isSuperlative = keyTest(SUPERLATIVES);
/** Words (lower-case) that can start a date, a rank or a word number: the rules for a word need one of them. */
export const isFigureWord = keyTest(MONTHS, ORDINALS, SUPERLATIVES, SMALL_NUMBERS, FRACTIONS, MULTIPLE_CHANGES, OCCASIONS, FREQUENCY_ADVERBS);
export const isMultipleChange = keyTest(MULTIPLE_CHANGES);
export const isFraction = keyTest(FRACTIONS);
export const isMeasureUnit = keyTest(MEASURE_UNITS);
