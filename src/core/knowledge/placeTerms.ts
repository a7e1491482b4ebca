// Places as comparable terms: every form of a country ("U.S.", "USA", "American", "United States")
// is one term, and a demonym shares the term of the name it comes from ("Korean" and "Korea").
import { fold } from "../extract/normalize.js";
import { DEMONYM_WORDS, GENERIC_NAME_WORDS, PLACES, REGIONS, type Place } from "./places.js";

/**
 * One term per place: the word its demonym comes from ("korea" for "South Korean", shared with
 * North Korea: terms are about wording, names keep the two apart), else its name folded without
 * spaces ("unitedstates").
 */
function termFor(place: Place): string {
  for (const demonym of place.demonyms) {
    const root = DEMONYM_WORDS.get(demonym.split(" ").pop()!);
    if (root && fold(place.canonical).split(" ").includes(root)) return root;
  }
  return fold(place.canonical).replace(/[\s.'-]+/g, "");
}

const WORD_TERMS = new Map<string, string>();
/** Two-letter forms ("us", "uk") name the place only when written in capitals. */
const CAPITALS_ONLY = new Map<string, string>();
const PHRASE_TERMS = new Map<string, string>();
/** For each last word of a phrase, the phrases' word counts, longest first. */
const PHRASE_LENGTHS = new Map<string, number[]>();

function addPhrase(phrase: string, term: string): void {
  const words = phrase.split(" ");
  PHRASE_TERMS.set(phrase, term);
  const lengths = PHRASE_LENGTHS.get(words[words.length - 1]!) ?? [];
  if (!lengths.includes(words.length)) lengths.push(words.length);
  PHRASE_LENGTHS.set(words[words.length - 1]!, lengths.sort((a, b) => b - a));
}

for (const place of PLACES) {
  const term = termFor(place);
  for (const alias of place.aliases) {
    if (alias.includes(" ")) addPhrase(alias, term);
    else if (/^[a-z]{2}$/.test(alias)) CAPITALS_ONLY.set(alias, term);
    else WORD_TERMS.set(alias, term);
  }
}
// Sovereign states first: "American" is the United States' before its territories'.
for (const place of [...PLACES].sort((a, b) => Number(b.independent) - Number(a.independent))) {
  for (const demonym of place.demonyms) {
    const last = demonym.split(" ").pop()!;
    // "korean" -> "korea" (shared by both Koreas); "american" -> the United States' term.
    const root = DEMONYM_WORDS.get(last);
    const term = root ? (WORD_TERMS.get(root) ?? root) : demonym.includes(" ") ? undefined : termFor(place);
    if (term === undefined) continue;
    for (const form of [last, `${last}s`]) if (!WORD_TERMS.has(form)) WORD_TERMS.set(form, term);
  }
}

// A name also written apart ("Viet Nam" for "Vietnam"): each part is the place, so a draft's
// "Viet Nam" is a subject the sources know when they write "Vietnam".
for (const place of PLACES) {
  const single = new Set(place.aliases.filter((alias) => !alias.includes(" ")));
  for (const alias of place.aliases) {
    const parts = alias.split(" ");
    if (parts.length > 1 && single.has(parts.join(""))) for (const part of parts) if (part.length >= 3 && !WORD_TERMS.has(part)) WORD_TERMS.set(part, termFor(place));
  }
}

// The last word of a name whose other words only describe ("Great Britain", "New Zealand") names
// the place alone when the place's demonym is built on it ("British", "New Zealander"): not a
// "Kingdom" or "States", nor a word a region shares ("South Africa": "African" is the continent's too).
const regionWords = REGIONS.flatMap((region) => fold(region).split(" "));
const stemOf = (word: string) => word.slice(0, Math.max(4, word.length - 3));
for (const place of PLACES) {
  if (!place.independent) continue;
  for (const alias of place.aliases) {
    const words = alias.split(" ");
    const last = words.pop()!;
    if (words.length === 0 || !words.every((word) => GENERIC_NAME_WORDS.has(word)) || last.length < 5 || WORD_TERMS.has(last)) continue;
    if (regionWords.some((word) => word.startsWith(stemOf(last)))) continue;
    if (place.demonyms.some((demonym) => demonym.split(" ").pop()!.startsWith(stemOf(last)))) WORD_TERMS.set(last, termFor(place));
  }
}

// Capitals stand for their governments ("Seoul said"); a short one with accents ("Malé") is too
// often an ordinary word once folded.
for (const place of PLACES) {
  for (const capital of place.capitals) {
    if (capital.length <= 4 || WORD_TERMS.has(capital)) continue;
    if (capital.includes(" ")) addPhrase(capital.replace(/\.$/, ""), termFor(place));
    else WORD_TERMS.set(capital, termFor(place));
  }
}

/** The term of a folded word or phrase that names a place, if it does. */
export function placeTermOf(folded: string, writtenInCapitals = false): string | undefined {
  return WORD_TERMS.get(folded) ?? PHRASE_TERMS.get(folded) ?? (writtenInCapitals ? CAPITALS_ONLY.get(folded) : undefined);
}

/** Every term a place is read as. */
export function placeTerms(): ReadonlySet<string> {
  return new Set([...WORD_TERMS.values(), ...CAPITALS_ONLY.values(), ...PHRASE_TERMS.values()]);
}

export const PLACE_PHRASES = {
  lengthsEndingWith: (word: string): readonly number[] | undefined => PHRASE_LENGTHS.get(word),
  term: (phrase: string): string | undefined => PHRASE_TERMS.get(phrase),
};

/**
 * Whether a folded word ends a place written in several words ("lumpur" of "Kuala Lumpur"): the
 * sources index such a word as the place, so alone it is no subject they never name.
 */
export function endsPlaceName(folded: string): boolean {
  return PHRASE_LENGTHS.has(folded.endsWith("'s") ? folded.slice(0, -2) : folded);
}
