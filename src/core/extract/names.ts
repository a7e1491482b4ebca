// Names: people with their titles, organisations, places and agreements.
// Matching is case- and diacritic-insensitive ("Tô Lâm" ~ "To Lam"); what is shown is as written.
// Nothing here is about one corpus: places come from a data package, titles from a grammar
// (knowledge/titles.ts), and acronyms and short forms of names from the sources themselves.
import type { NameKind, NameMention } from "../types.js";
import { fold, foldPreservingOffsets, isCapitalAt, isJsSpace, LETTER, MARK, NUMBER, WordScanner } from "./normalize.js";
import { NOT_NAMES, ORGANISATION_HEADS } from "../knowledge/nameLists.js";
import { PLACES, REGIONS, SHARED_PLACE_WORDS } from "../knowledge/places.js";
import { DOMAIN_WORDS, HONORIFICS, headOf, isRank, isTemporal, MAX_HEAD_WORDS, mayStartHead, titlesCompatible, titleString } from "../knowledge/titles.js";
import countries from "world-countries";

export { titlesCompatible };

interface Word {
  /** Folded. */
  folded: string;
  /** Folded, without a final dot ("mr." -> "mr"): the form phrases are made of. */
  bare: string;
  start: number;
  end: number;
  capitalized: boolean;
  /** A full stop after it was left out of the word ("Sen." -> "sen"). */
  dot?: boolean;
}

interface GazetteerEntry {
  canonical: string;
  kind: NameKind;
  aliases: string[];
}

/** Upper-case words that are units, currencies or terms, not organisations. */
const NOT_ACRONYMS = new Set([
  "gdp", "gnp", "gni", "cpi", "ppi", "fdi", "oda", "ceo", "cfo", "coo", "cto", "vat", "pm", "am", "ppm", "ppb", "mph", "kwh", "mw", "gw", "tv",
  "faq", "usd", "ok", "ai", "it", "us",
  ...countries.flatMap((country) => Object.keys(country.currencies ?? {}).map((code) => code.toLowerCase())),
]);
const MAX_ALIAS_WORDS = 8;

/** Abbreviations that keep their dot, like "U.S." and "Mr.". */
const DOTTED = new Set(["mr.", "mrs.", "ms.", "dr.", "st."]);
const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}/gu;

/** Dashes that folding turns into hyphens but that part words: "Scott—after" is two words, "Won-shik" one. */
const DASHES = /[\u2012-\u2015]/g;
const HAS_DASH = /[\u2012-\u2015]/;

function words(text: string): Word[] {
  let folded = foldPreservingOffsets(text);
  if (HAS_DASH.test(text)) folded = maskDashes(text, folded);
  const result: Word[] = [];
  // /[\p{L}\p{M}\p{N}]+(?:[-'.][\p{L}\p{M}\p{N}]+)*\.?/gu
  const scanner = new WordScanner(folded, LETTER | MARK | NUMBER, "-'.");
  while (scanner.next()) {
    const start = scanner.start;
    if (folded[scanner.end] === ".") scanner.end++;
    const raw = folded.slice(start, scanner.end);
    // Combining marks are not ASCII: most words need no replace.
    let word = NON_ASCII.test(raw) ? raw.replace(MARKS, "") : raw;
    // Keep the dot only for abbreviations like "U.S." and "Mr."
    let dot = false;
    if (word.endsWith(".") && !DOTTED.has(word) && !isInitialism(word)) {
      word = word.slice(0, -1);
      dot = true;
    }
    if (word.endsWith("'s")) word = word.slice(0, -2); // possessive: "Chinh's visit"
    const previous = result[result.length - 1];
    // "U. S." is "U.S.": single letters with dots, one space apart, are one word.
    if (previous && word.length === 2 && word.endsWith(".") && previous.folded.length <= 4 && isInitialism(previous.folded) && start - previous.end === 1 && folded[previous.end] === " ") {
      previous.folded += word;
      previous.bare = previous.folded.slice(0, -1);
      previous.end = start + word.length;
      continue;
    }
    result.push({ folded: word, bare: word.endsWith(".") ? word.slice(0, -1) : word, start, end: start + word.length, capitalized: isCapitalAt(text, start), dot });
  }
  return result;
}

/** `folded` with a space wherever `text` has a dash (one unit each, so offsets stay). */
function maskDashes(text: string, folded: string): string {
  let masked = "";
  let from = 0;
  for (const match of text.matchAll(DASHES)) {
    masked += folded.slice(from, match.index) + " ";
    from = match.index + 1;
  }
  return masked + folded.slice(from);
}

/** "u.s." or "u.": letters each followed by a dot. */
function isInitialism(word: string): boolean {
  if (word.length > 8) return false;
  for (let k = 0; k < word.length; k += 2) if (word.charCodeAt(k) < 97 || word.charCodeAt(k) > 122 || word[k + 1] !== ".") return false;
  return word.length % 2 === 0;
}

function phraseAt(list: readonly Word[], i: number, length: number): string {
  let phrase = list[i]!.bare;
  for (let k = i + 1; k < i + length; k++) phrase += " " + list[k]!.bare;
  return phrase;
}

/** For each first word, the word counts of the phrases starting with it (at most `max`), longest first. */
function phraseLengths(phrases: Iterable<string>, max: number): Map<string, number[]> {
  const lengths = new Map<string, number[]>();
  for (const phrase of phrases) {
    const parts = phrase.split(" ");
    if (parts.length > max) continue;
    const list = lengths.get(parts[0]!) ?? [];
    if (!list.includes(parts.length)) list.push(parts.length);
    lengths.set(parts[0]!, list);
  }
  for (const list of lengths.values()) list.sort((a, b) => b - a);
  return lengths;
}

/** Countries (with their short forms) and world regions, from the data package. */
const GAZETTEER: readonly GazetteerEntry[] = [
  ...PLACES.map((place) => ({ canonical: place.canonical, kind: "place" as const, aliases: place.aliases })),
  ...REGIONS.map((region) => ({ canonical: region, kind: "place" as const, aliases: [fold(region)] })),
];
/** Every alias of the gazetteer, folded, to its entry. */
const GAZETTEER_ALIASES = new Map<string, GazetteerEntry>();
for (const entry of GAZETTEER) for (const alias of entry.aliases) if (!GAZETTEER_ALIASES.has(alias)) GAZETTEER_ALIASES.set(alias, entry);
/** Demonyms (their last word: "korean" of "South Korean"): a name ending in one is not a name ("Korean"). */
const DEMONYMS = new Set(PLACES.flatMap((place) => place.demonyms.map((d) => d.split(" ").pop()!)));
// By first word, the lengths of the heads and aliases it starts: a word that starts none is skipped
// at once, and only phrases of those lengths are built.
const ALIAS_LENGTHS = phraseLengths(GAZETTEER_ALIASES.keys(), MAX_ALIAS_WORDS);

function matchGazetteer(list: readonly Word[], i: number, text: string): { entry: GazetteerEntry; length: number } | undefined {
  // Callers look past the words they matched ("Attorney General to" at the end of a line).
  if (i >= list.length || !list[i]!.capitalized) return undefined;
  const lengths = ALIAS_LENGTHS.get(list[i]!.bare);
  if (!lengths) return undefined;
  for (const n of lengths) {
    if (n > list.length - i) continue;
    const entry = GAZETTEER_ALIASES.get(phraseAt(list, i, n));
    if (!entry) continue;
    // Short codes count in capitals only ("US", not "Us" or "us").
    if (n === 1 && list[i]!.bare.replace(/\./g, "").length <= 3 && !isUpperCase(text, list[i]!)) continue;
    return { entry, length: n };
  }
  return undefined;
}

/** Whether the word is written in capitals ("NEC", "U.S.", "RoK" is not). */
function isUpperCase(text: string, word: Word): boolean {
  for (let k = word.start; k < word.end; k++) {
    const code = text.charCodeAt(k);
    if (code >= 97 && code <= 122) return false;
  }
  return true;
}

/** An acronym as sources write one: "NEC", "DPRK", "RoK" (two capitals or more, short). */
function looksLikeAcronym(text: string, word: Word): boolean {
  const written = text.slice(word.start, word.end);
  return /^[A-Z][A-Za-z&]{1,7}$/.test(written) && (written.match(/[A-Z]/g)?.length ?? 0) >= Math.max(2, written.length - 1);
}

/** The head of a title at word i ("Secretary", "Attorney General", "Sen."), if there is one. */
function matchHead(list: readonly Word[], i: number, lowercaseOk: boolean): { office: string; length: number } | undefined {
  if (i >= list.length || (!lowercaseOk && !list[i]!.capitalized) || !mayStartHead(list[i]!.bare)) return undefined;
  for (let n = Math.min(MAX_HEAD_WORDS, list.length - i); n >= 1; n--) {
    const office = headOf(phraseAt(list, i, n));
    if (office !== undefined) return { office, length: n };
  }
  return undefined;
}

interface TitleMatch {
  /** The normalised title ("secretary of treasury"), "" for an honorific alone ("Mr."). */
  title: string;
  /** First word after the title's words (and its "of ..." part). */
  end: number;
  /** Where the name is, when the title's "of ..." part ran into it ("Secretary of State Antony Blinken"). */
  name?: { start: number; length: number };
  /** A body named before the head ("NEC" of "NEC Director"): words [domainStart, domainEnd). */
  domainStart?: number;
  domainEnd?: number;
  /** A place the title is over ("of the Republic of Korea"), named in its own right. */
  place?: { start: number; length: number; entry: GazetteerEntry };
}

/** Capitalised words before a head that say when, not which body ("Today President Biden"). */
const NOT_BODIES = new Set(["today", "yesterday", "tomorrow", "tonight", "now", "then", "later", "earlier", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "when", "as", "since", "after", "before"]);

/** Courtesy titles that stand alone before a name. */
const HONORIFIC_TITLES = new Set(["mr", "mrs", "ms", "dr", "sir", "dame", "madam"]);
/** Words from a title's first word to its head, at most: three courtesy, four body and a few rank words. */
const MAX_TITLE_REACH = 10;

/**
 * For each word, the first word at or after it that may start a head, when it lies within the
 * capitalised words that follow it with only spaces between (list.length otherwise): a title's
 * body and ranks are such words, so any other capitalised word starts no title.
 */
function nextHeads(list: readonly Word[], text: string): Int32Array {
  const next = new Int32Array(list.length + 1);
  next[list.length] = list.length;
  for (let k = list.length - 1; k >= 0; k--) {
    const word = list[k]!;
    if (!word.capitalized) next[k] = list.length;
    else if (mayStartHead(word.bare)) next[k] = k;
    else next[k] = joined(list, k + 1, text) ? next[k + 1]! : list.length;
  }
  return next;
}

/** Words that may start a title without being part of the office: "former", "His Majesty". */
function skipCourtesy(list: readonly Word[], i: number): number {
  let j = i;
  while (j < list.length && j - i < 3) {
    const word = list[j]!.bare;
    if (isTemporal(word) || ((word === "his" || word === "her") && HONORIFICS.has(list[j + 1]?.bare ?? "")) || (HONORIFICS.has(word) && word !== "his" && word !== "her" && list[j]!.capitalized && !HONORIFIC_TITLES.has(word))) j++;
    else break;
  }
  return j;
}

/** Whether the words i-1 and i are one phrase (only spaces between them). */
const joined = (list: readonly Word[], i: number, text: string) => {
  if (i <= 0 || i >= list.length) return false;
  const from = list[i - 1]!.end + (isAbbreviatedHead(list[i - 1]!) ? 1 : 0);
  // A body's possessive joins it to its office ("the National Security Council's Coordinator");
  // a place's does not ("South Korea's National Assembly Speaker": the Speaker of the Assembly).
  if (onlySpaces(text, from, list[i]!.start)) return true;
  return ORGANISATION_HEADS.has(list[i - 1]!.bare) && POSSESSIVE.test(text.slice(from, from + 2)) && onlySpaces(text, from + 2, list[i]!.start);
};
const POSSESSIVE = /^['’]s$/;

/** "Sen." and "Gov." keep going after their dot; "President." ends a sentence. */
const isAbbreviatedHead = (word: Word) => word.dot === true && word.bare.length <= 4 && headOf(word.bare) !== undefined;

/** Last words of events, laws and headings, never of a person's name ("G7 Foreign Ministers Meeting"). */
const NOT_SURNAMES = new Set(["meeting", "meetings", "conference", "campaign", "act", "plan", "program", "programme", "session", "dialogue", "provisions", "provision", "statement", "remarks", "day", "week", "month", "year", "award", "awards", "prize", "medal"]);

/**
 * A title at word i: [former] [Deputy] [domain words] [rank words] head [of/for/to domain].
 * `lowercaseOk` reads "director of the National Economic Council" after a name and a comma.
 */
function matchTitle(list: readonly Word[], i: number, text: string, lowercaseOk = false, nextHead?: Int32Array): TitleMatch | undefined {
  if (i >= list.length) return undefined;
  const first = list[i]!;
  if (!first.capitalized && !lowercaseOk && !isTemporal(first.bare)) return undefined;
  // Honorifics alone: "Mr. Smith".
  if (first.capitalized && HONORIFIC_TITLES.has(first.bare)) return { title: "", end: i + 1 };
  // Most capitalised words have no head within reach: nothing to read. ("former" is in lower case.)
  if (nextHead) {
    const from = first.capitalized ? i : i + 1;
    if (from >= list.length || (from > i && !joined(list, from, text)) || nextHead[from]! - from > MAX_TITLE_REACH) return undefined;
  }
  let j = skipCourtesy(list, i);
  const ranks: string[] = [];
  const domain: string[] = [];
  let domainStart: number | undefined;
  let domainEnd: number | undefined;
  const takeRanks = () => {
    while (j < list.length && isRank(list[j]!.bare) && (list[j]!.capitalized || lowercaseOk) && !matchHead(list, j, lowercaseOk)) ranks.push(list[j++]!.bare);
  };
  takeRanks();
  // Domain words before the head: "Treasury", "NEC", "South Carolina", "White House Press".
  for (let k = 0; k < 4 && j < list.length && list[j]!.capitalized && !matchHead(list, j, lowercaseOk) && !isRank(list[j]!.bare); k++) {
    if (j > i && !joined(list, j, text)) break;
    const word = list[j]!.bare;
    if ((NOT_NAMES.has(word) && !DOMAIN_WORDS.has(word)) || NOT_BODIES.has(word)) break;
    const place = matchGazetteer(list, j, text) ?? matchDemonym(list, j);
    domainStart ??= j;
    if (place) {
      domain.push(placeKey(place.entry));
      j += place.length;
    } else {
      domain.push(word);
      j++;
    }
    domainEnd = j;
  }
  takeRanks();
  if (j > i && j < list.length && !joined(list, j, text)) return undefined;
  const head = matchHead(list, j, lowercaseOk);
  if (!head) return undefined;
  j += head.length;
  const title: TitleMatch = { title: "", end: j };
  if (domainStart !== undefined) Object.assign(title, { domainStart, domainEnd });
  // "of the Treasury", "for Climate", "to South Korea": the body or place the office is over.
  // The connector is in lower case: "To" of "General Secretary To Lam" is a name.
  const connector = list[j] && !list[j]!.capitalized ? list[j]!.bare : undefined;
  if ((connector === "of" || connector === "for" || connector === "to") && joined(list, j, text)) {
    let k = j + 1;
    if (list[k]?.bare === "the") k++;
    const place = matchGazetteer(list, k, text);
    if (place) {
      domain.push(placeKey(place.entry));
      title.end = k + place.length;
      title.place = { start: k, length: place.length, entry: place.entry };
    } else if (list[k]?.capitalized && connector !== "to") {
      const run = domainRun(list, k, text);
      domain.push(...run.domain);
      title.end = run.end;
      if (run.name) title.name = run.name;
    }
  }
  title.title = titleString({ ranks, head: head.office, domain });
  return title;
}

/** Demonyms of one or two words ("Vietnamese", "South Korean") -> their place. */
const DEMONYM_PLACES = new Map<string, GazetteerEntry>();
for (const place of PLACES) {
  const entry = GAZETTEER_ALIASES.get(fold(place.canonical));
  if (!entry) continue;
  for (const demonym of place.demonyms) if (!DEMONYM_PLACES.has(demonym) || place.independent) DEMONYM_PLACES.set(demonym, entry);
}

const DEMONYM_FIRST_WORDS = new Set([...DEMONYM_PLACES.keys()].map((d) => d.split(" ")[0]!));

function matchDemonym(list: readonly Word[], i: number): { entry: GazetteerEntry; length: number } | undefined {
  if (i >= list.length || !DEMONYM_FIRST_WORDS.has(list[i]!.bare)) return undefined;
  for (const n of [2, 1]) {
    if (i + n > list.length) continue;
    const entry = DEMONYM_PLACES.get(phraseAt(list, i, n));
    if (entry) return { entry, length: n };
  }
  return undefined;
}

/** The key a place is compared by in a title's domain ("u.s" and "united states" alike). */
const placeKey = (entry: GazetteerEntry) => fold(entry.canonical);

/**
 * Capitalised words after "of" up to the name, if one follows: "Homeland Security Alejandro Mayorkas".
 * The name is the last words that do not name a body (at most four), when a body word comes before them.
 */
function domainRun(list: readonly Word[], from: number, text: string): { domain: string[]; end: number; name?: { start: number; length: number } } {
  let end = from;
  while (end < list.length && end - from < 10 && joined(list, end, text)) {
    const word = list[end]!;
    const connector = word.bare === "and" || word.bare === "of" || word.bare === "the" || word.bare === "for" || word.bare === "&";
    if (!word.capitalized && !(connector && list[end + 1]?.capitalized)) break;
    // Another title starts ("... and Secretary of State ..."): this one's domain ends here.
    if (matchHead(list, end, false) || (connector && matchHead(list, end + 1, false))) break;
    end++;
  }
  // Trailing words that are not body words are the name: at most four, and something must stay the
  // domain, also after the last "and" ("Defense Policy and Arms Control" names no one).
  let segment = from;
  for (let k = from; k < end; k++) if (!list[k]!.capitalized) segment = k + 1;
  let nameStart = end;
  while (nameStart - 1 > segment && end - nameStart < 4) {
    const word = list[nameStart - 1]!;
    if (DOMAIN_WORDS.has(word.bare) || ORGANISATION_HEADS.has(word.bare) || word.bare === "and" || word.bare === "of" || word.bare === "the" || GAZETTEER_ALIASES.has(word.bare)) break;
    nameStart--;
  }
  const domain: string[] = [];
  for (let k = from; k < nameStart; k++) domain.push(list[k]!.bare);
  // "Secretary of Homeland Security" (nothing after the body) has no name.
  if (nameStart === end || nameStart === from) return { domain: [...domain, ...wordsOf(list, nameStart, end)], end };
  return { domain, end: nameStart, name: { start: nameStart, length: end - nameStart } };
}

const wordsOf = (list: readonly Word[], from: number, to: number) => list.slice(from, to).map((w) => w.bare);

/** Words that cannot be inside a name even when capitalised (headings: "Jobs In The South"). */
const FUNCTION_WORDS = new Set(["the", "a", "an", "and", "or", "but", "in", "on", "at", "for", "with", "by", "from", "as", "of", "to", "is", "are", "was", "if", "when", "while", "after", "before", "this", "that", "it", "its", "his", "her", "their", "our", "we", "they", "he", "she", "i"]);

/** Capitalised words from i that can be part of a name (at most `max`). */
function capitalisedRun(list: readonly Word[], i: number, max: number, text: string): number {
  let n = 0;
  while (n < max && i + n < list.length) {
    const w = list[i + n]!;
    // Inside a name only function words end it: "National Economic Council" goes on past "Economic".
    if (!w.capitalized || (n === 0 ? NOT_NAMES.has(w.folded) : FUNCTION_WORDS.has(w.folded)) || matchHead(list, i + n, false) || (n > 0 && ["mr", "mrs", "ms", "dr"].includes(w.bare))) break;
    if (n > 0 && !onlySpaces(text, list[i + n - 1]!.end, w.start)) break;
    // A place is not part of a person's name ("... Designate United Arab Emirates will host").
    if (matchGazetteer(list, i + n, text)) break;
    n++;
  }
  return n;
}

/** Whether text[from, to) is whitespace, and not empty (/^\s+$/). */
function onlySpaces(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let k = from; k < to; k++) if (!isJsSpace(text.charCodeAt(k))) return false;
  return true;
}

/** Folded keys of names already seen: the same names recur on many lines. */
const keyCache = new Map<string, string>();

function nameKey(written: string): string {
  let key = keyCache.get(written);
  if (key === undefined) {
    key = fold(written);
    if (keyCache.size >= 50_000) keyCache.clear();
    keyCache.set(written, key);
  }
  return key;
}

function mention(kind: NameKind, text: string, list: readonly Word[], first: number, length: number, key?: string): NameMention {
  const start = list[first]!.start;
  const end = list[first + length - 1]!.end;
  const written = text.slice(start, end);
  return { kind, text: written, start, end, key: key ?? (kind === "person" ? personKey(written) : nameKey(written)) };
}

/** A person's key without middle initials: "Janet L. Yellen" and "Janet Yellen" are one person. */
function personKey(written: string): string {
  const key = nameKey(written);
  if (!key.includes(".")) return key;
  const parts = key.split(" ");
  const kept = parts.filter((part, k) => k === 0 || k === parts.length - 1 || !/^[a-z]\.$/.test(part));
  return kept.join(" ");
}

/** Whether the gap text[from, to) is a comma and spaces (", "). */
function commaGap(text: string, from: number, to: number): boolean {
  let comma = false;
  for (let k = from; k < to; k++) {
    const ch = text.charCodeAt(k);
    if (ch === 44 && !comma) comma = true;
    else if (!isJsSpace(ch)) return false;
  }
  return comma;
}

/** A title after a name and a comma: "Lael Brainard, director of the National Economic Council,". */
function appositiveTitle(list: readonly Word[], after: number, text: string): TitleMatch | undefined {
  if (after >= list.length || !commaGap(text, list[after - 1]!.end, list[after]!.start)) return undefined;
  let k = after;
  if (["the", "a", "an", "now"].includes(list[k]!.bare)) k++;
  const title = matchTitle(list, k, text, true);
  if (!title || title.title === "" || title.name) return undefined;
  // The title must close the apposition: a comma, a full stop or the end, not another name.
  const next = list[title.end];
  if (next && next.capitalized && onlySpaces(text, list[title.end - 1]!.end, next.start)) return undefined;
  return title;
}

/** Verbs that give a person an office: "was named Coordinator", "has been appointed as the new Director". */
const APPOINTED = new Set(["named", "appointed", "nominated", "confirmed", "chosen", "elected", "sworn"]);

/**
 * A title a sentence gives a name after it: "announced Jane Doe as the new Prosper Africa
 * Coordinator", "Jane Doe was named Coordinator".
 */
function roleAfterName(list: readonly Word[], after: number, text: string): TitleMatch | undefined {
  let k = after;
  const at = (n: number) => list[n]?.bare;
  if (at(k) === "as") k++;
  else if (["was", "is", "were", "has", "had"].includes(at(k) ?? "")) {
    k++;
    if (at(k) === "been") k++;
    if (!APPOINTED.has(at(k) ?? "")) return undefined;
    k++;
    if (at(k) === "in") k++;
    if (at(k) === "as") k++;
  } else return undefined;
  if (["the", "a", "an", "its", "their"].includes(at(k) ?? "")) k++;
  while (["new", "next", "first", "acting", "interim"].includes(at(k) ?? "")) k++;
  const title = matchTitle(list, k, text, true);
  if (!title || title.title === "" || title.name) return undefined;
  const next = list[title.end];
  if (next && next.capitalized && onlySpaces(text, list[title.end - 1]!.end, next.start)) return undefined;
  return title;
}

/** "National Economic Council (NEC)": the acronym the text defines right after a name, if its letters fit. */
function definedAcronym(list: readonly Word[], first: number, length: number, text: string): number | undefined {
  const at = first + length;
  const candidate = list[at];
  if (!candidate || text.charCodeAt(candidate.start - 1) !== 40 || text.charCodeAt(candidate.end) !== 41) return undefined;
  if (text.slice(list[at - 1]!.end, candidate.start).trim() !== "(") return undefined;
  if (!looksLikeAcronym(text, candidate)) return undefined;
  const letters = candidate.bare.replace(/[^a-z]/g, "");
  const all = wordsOf(list, first, at).map((w) => w[0]).join("");
  const significant = wordsOf(list, first, at).filter((w) => !["of", "the", "and", "for", "on", "&"].includes(w)).map((w) => w[0]).join("");
  return letters === all || letters === significant ? at : undefined;
}

/** Names in one line or paragraph, sorted and non-overlapping; offsets are UTF-16 into `text`. */
export function extractNames(text: string): NameMention[] {
  const list = words(text);
  const nextHead = nextHeads(list, text);
  const found: NameMention[] = [];
  const push = (name: NameMention, first: number, length: number) => {
    found.push(name);
    const acronym = definedAcronym(list, first, length, text);
    if (acronym !== undefined) found.push(mention(name.kind, text, list, acronym, 1, name.key));
    return acronym !== undefined ? acronym - first + 1 : length;
  };
  for (let i = 0; i < list.length; i++) {
    const title = matchTitle(list, i, text, false, nextHead);
    if (title) {
      // "President Designate", "President-elect": when, not who.
      let after = title.end;
      while (after < list.length && isTemporal(list[after]!.bare) && joined(list, after, text)) after++;
      const nameAt = title.name ?? { start: after, length: joined(list, after, text) ? capitalisedRun(list, after, 4, text) : 0 };
      const { start: j, length } = nameAt;
      const lastWord = length > 0 ? list[j + length - 1]!.bare : "";
      // A bare "General" is often an adjective or a company ("General Provisions", "General Motors"):
      // one word after it is a surname only when it does not look like a plural or a common noun.
      const adjectiveHead = title.title === "general" && length < 2 && (lastWord.endsWith("s") || lastWord === "electric");
      if (length > 0 && !adjectiveHead && !GAZETTEER_ALIASES.has(phraseAt(list, j, length)) && !DEMONYMS.has(lastWord) && !ORGANISATION_HEADS.has(lastWord) && !NOT_SURNAMES.has(lastWord)) {
        // The body before the head ("NEC" of "NEC Director") is named too.
        if (title.domainStart !== undefined && title.domainEnd! - title.domainStart === 1 && looksLikeAcronym(text, list[title.domainStart]!)) {
          found.push(mention("organisation", text, list, title.domainStart, 1));
        }
        const person = mention("person", text, list, j, length);
        if (title.title) {
          person.title = title.title;
          person.titleStart = list[i]!.start;
          person.titleEnd = list[Math.max(i, Math.min(j, title.end) - 1)]!.end;
        }
        found.push(person);
        i = j + length - 1;
        // "Dr. Kim Tae-hyo, Principal Deputy National Security Advisor of the ROK;"
        const apposition = title.title ? undefined : (appositiveTitle(list, j + length, text) ?? roleAfterName(list, j + length, text));
        if (apposition) {
          person.title = apposition.title;
          person.titleStart = list[j + length]!.start;
          person.titleEnd = list[apposition.end - 1]!.end;
          i = apposition.end - 1;
        }
        continue;
      }
      if (length === 0 && title.title !== "" && title.end > i + 1) {
        // A title without a name ("the Secretary of Homeland Security will"): its words name no one,
        // but the place it is over is named ("Prime Minister of the Republic of Korea (RoK)").
        const named = title.place ? push(mention("place", text, list, title.place.start, title.place.length, nameKey(title.place.entry.canonical)), title.place.start, title.place.length) : 0;
        i = Math.max(title.end, (title.place?.start ?? 0) + named) - 1;
        continue;
      }
    }
    const known = matchGazetteer(list, i, text);
    if (known) {
      i += push(mention(known.entry.kind, text, list, i, known.length, nameKey(known.entry.canonical)), i, known.length) - 1;
      continue;
    }
    const word = list[i]!;
    if (!word.capitalized || NOT_NAMES.has(word.folded)) continue;
    const length = capitalisedRun(list, i, 5, text);
    if (length === 0) continue;
    const last = list[i + length - 1]!.bare;
    const apposition = length >= 2 && length <= 4 ? (appositiveTitle(list, i + length, text) ?? roleAfterName(list, i + length, text)) : undefined;
    if (apposition && !ORGANISATION_HEADS.has(last) && !DEMONYMS.has(last)) {
      // A titled person in apposition: the title's span follows the name.
      found.push({ ...mention("person", text, list, i, length), title: apposition.title, titleStart: list[i + length]!.start, titleEnd: list[apposition.end - 1]!.end });
      i = apposition.end - 1;
    } else if (length >= 2 && ORGANISATION_HEADS.has(last)) {
      i += push(mention("organisation", text, list, i, length), i, length) - 1;
    } else if (length === 1 && SHARED_PLACE_WORDS.has(word.bare)) {
      // "Korea" alone: the registry decides which Korea the sources mean; until then it is a bare word.
      found.push(mention("other", text, list, i, 1));
    } else if (length === 1 && looksLikeAcronym(text, word) && !NOT_ACRONYMS.has(word.bare)) {
      found.push(mention("organisation", text, list, i, 1));
    } else if (length >= 2 && !DEMONYMS.has(last)) {
      i += push(mention("other", text, list, i, length), i, length) - 1;
    }
  }
  return withTitledPronouns(found, list, text, nextHead);
}

/** The pronoun a title given with "as" is about, and whom it stands for: a person named before it, or the speaker ("I"). */
const PRONOUNS = new Set(["he", "she", "i"]);
/** Key of a titled "I" until the reader knows who speaks: the document's speaker (see speakerTitles). */
export const SPEAKER_KEY = "\u0000speaker";

/**
 * "as California Attorney General she won …", "As Attorney General, I won …": the title is the
 * person's, given to the pronoun. "she" or "he" is the last person named before it in the same
 * text; "I" is whoever speaks, which only the document can tell.
 */
function withTitledPronouns(found: NameMention[], list: readonly Word[], text: string, nextHead: Int32Array): NameMention[] {
  let added: NameMention[] | undefined;
  for (let a = 0; a + 2 < list.length; a++) {
    if (list[a]!.bare !== "as") continue;
    // "as California's Secretary of State": the place may come first, in the possessive.
    const possessive = /['’]s$/.test(text.slice(list[a + 1]!.start, list[a + 1]!.end + 2));
    const usable = (match: TitleMatch | undefined) => (match && match.title !== "" && !match.name && PRONOUNS.has(list[match.end]?.bare ?? "") ? match : undefined);
    const title = usable(matchTitle(list, a + 1, text, false, nextHead)) ?? (possessive ? usable(matchTitle(list, a + 2, text, false, nextHead)) : undefined);
    if (!title) continue;
    const pronoun = list[title.end];
    if (!pronoun || !PRONOUNS.has(pronoun.bare) || !onlySpacesOrComma(text, list[title.end - 1]!.end, pronoun.start)) continue;
    const titleStart = list[a + 1]!.start;
    const referent = pronoun.bare === "i" ? undefined : [...found].reverse().find((n) => n.kind === "person" && n.end <= titleStart);
    if (pronoun.bare !== "i" && !referent) continue;
    const written = text.slice(pronoun.start, pronoun.end);
    (added ??= []).push({ kind: "person", text: written, start: pronoun.start, end: pronoun.end, key: referent?.key ?? SPEAKER_KEY, title: title.title, titleStart, titleEnd: list[title.end - 1]!.end });
  }
  return added ? [...found, ...added].sort((x, y) => x.start - y.start) : found;
}

function onlySpacesOrComma(text: string, from: number, to: number): boolean {
  return /^\s*,?\s*$/.test(text.slice(from, to));
}

export interface NameEntity {
  key: string;
  /** As the sources write it, diacritics kept when a source uses them. */
  canonical: string;
  kind: NameKind;
  titles: Array<{ title: string; count: number }>;
  aliases: string[];
  mentions: Array<{ path: string; line: number; sentence: string; text: string }>;
}

const hasDiacritics = (s: string) => s !== fold(s) && s.toLowerCase() !== fold(s);

/** Everything the sources name, with aliases that link short mentions to full names. */
export class NameRegistry {
  private readonly entities = new Map<string, NameEntity>();
  private readonly aliasToKey = new Map<string, string>();
  /** Short forms the sources define ("NEC" after "National Economic Council"): form -> full key -> times. */
  private readonly defined = new Map<string, Map<string, number>>();

  add(name: NameMention, where: { path: string; line: number; sentence: string }): void {
    let entity = this.entities.get(name.key);
    if (!entity) {
      entity = { key: name.key, canonical: name.text, kind: name.kind, titles: [], aliases: [], mentions: [] };
      this.entities.set(name.key, entity);
    } else if (hasDiacritics(name.text) && !hasDiacritics(entity.canonical) && fold(name.text) === fold(entity.canonical)) {
      entity.canonical = name.text;
    }
    if (name.kind === "person" && entity.kind !== "person") entity.kind = "person";
    if (name.title) {
      const known = entity.titles.find((t) => t.title === name.title);
      if (known) known.count++;
      else entity.titles.push({ title: name.title, count: 1 });
    }
    entity.mentions.push({ path: where.path, line: where.line, sentence: where.sentence, text: name.text });
    // A one-word form keyed to a longer name is an acronym the text defined, or a short form of a place.
    if (!name.text.includes(" ") && name.key.includes(" ")) {
      const form = fold(name.text).replace(/\.$/, "");
      if (form !== name.key) {
        const counts = this.defined.get(form) ?? new Map<string, number>();
        counts.set(name.key, (counts.get(name.key) ?? 0) + 1);
        this.defined.set(form, counts);
      }
    }
  }

  /** Moves everything known about `from` to `to`, which now answers for it. */
  private merge(from: NameEntity, to: NameEntity): void {
    for (const t of from.titles) {
      const known = to.titles.find((o) => o.title === t.title);
      if (known) known.count += t.count;
      else to.titles.push({ ...t });
    }
    for (const m of from.mentions) to.mentions.push(m);
    if (from.kind === "person") to.kind = "person";
    this.entities.delete(from.key);
    this.aliasToKey.set(from.key, to.key);
  }

  /** Short forms the sources define, each to the name most of its definitions give. */
  private linkDefinedForms(): void {
    for (const [form, counts] of this.defined) {
      let best: string | undefined;
      let bestCount = 0;
      let total = 0;
      for (const [key, count] of counts) {
        total += count;
        if (count > bestCount) [best, bestCount] = [key, count];
      }
      const target = best === undefined ? undefined : this.entities.get(best);
      if (!target || bestCount * 2 <= total) continue;
      const standalone = this.entities.get(form);
      if (standalone && standalone !== target && standalone.kind !== "person") this.merge(standalone, target);
      if (!this.aliasToKey.has(form)) this.aliasToKey.set(form, target.key);
    }
  }

  /** "Korea" alone is the Korea the sources name most ("South Korea" or "North Korea"). */
  private linkSharedPlaceWords(): void {
    for (const [word, places] of SHARED_PLACE_WORDS) {
      const bare = this.entities.get(word);
      const named = places.map((place) => this.entities.get(fold(place))).filter((e): e is NameEntity => e !== undefined);
      if (named.length === 0) continue;
      const most = named.sort((a, b) => b.mentions.length - a.mentions.length)[0]!;
      if (named.length > 1 && named[1]!.mentions.length === most.mentions.length) continue;
      if (bare) this.merge(bare, most);
      this.aliasToKey.set(word, most.key);
    }
  }

  /**
   * Links short forms to the names they stand for: acronyms the sources define, and one-word
   * people ("Chinh", "Yellen" of "Secretary Yellen") to the full name they belong to, when only one fits.
   */
  finalize(): void {
    this.linkDefinedForms();
    this.linkSharedPlaceWords();
    const partOwners = new Map<string, Set<string>>();
    const own = (part: string, key: string) => {
      const owners = partOwners.get(part) ?? new Set<string>();
      owners.add(key);
      partOwners.set(part, owners);
    };
    /** Surnames of untitled full names ("Janet Yellen" written without a title), for titled short mentions. */
    const surnameOwners = new Map<string, Set<string>>();
    for (const entity of this.entities.values()) {
      const parts = entity.key.split(" ");
      if (parts.length < 2) continue;
      if (entity.kind === "person") for (const part of parts) if (part.length >= 2) own(part, entity.key);
      if (entity.kind === "other" && parts.length <= 3) {
        const owners = surnameOwners.get(parts[parts.length - 1]!) ?? new Set<string>();
        owners.add(entity.key);
        surnameOwners.set(parts[parts.length - 1]!, owners);
      }
    }
    for (const entity of [...this.entities.values()]) {
      if (!this.aliasToKey.has(entity.key)) this.aliasToKey.set(entity.key, entity.key);
      if (entity.kind !== "person" || entity.key.includes(" ")) continue;
      const owners = partOwners.get(entity.key) ?? (entity.titles.length > 0 ? surnameOwners.get(entity.key) : undefined);
      if (owners?.size === 1) {
        const owner = this.entities.get([...owners][0]!);
        if (owner) this.merge(entity, owner);
      }
    }
    for (const [part, owners] of partOwners) {
      // Two-letter parts ("To", "Le") are too often ordinary words to stand alone.
      if (part.length >= 3 && owners.size === 1 && !this.aliasToKey.has(part) && !GAZETTEER_ALIASES.has(part)) this.aliasToKey.set(part, [...owners][0]!);
    }
    for (const entry of GAZETTEER) {
      const key = fold(entry.canonical);
      if (!this.entities.has(key)) continue;
      for (const alias of entry.aliases) this.aliasToKey.set(alias, key);
    }
    const aliasesByKey = new Map<string, string[]>();
    for (const [alias, key] of this.aliasToKey) {
      const list = aliasesByKey.get(key);
      if (list) list.push(alias);
      else aliasesByKey.set(key, [alias]);
    }
    for (const entity of this.entities.values()) {
      entity.aliases = aliasesByKey.get(entity.key) ?? [];
      entity.titles.sort((a, b) => b.count - a.count);
    }
  }

  /** A finished registry from entities and aliases saved elsewhere (an archive's), as finalize() left them. */
  static restore(entities: Iterable<NameEntity>, aliases: Iterable<readonly [string, string]>): NameRegistry {
    const registry = new NameRegistry();
    for (const entity of entities) registry.entities.set(entity.key, entity);
    for (const [alias, key] of aliases) registry.aliasToKey.set(alias, key);
    return registry;
  }

  get(key: string): NameEntity | undefined {
    return this.entities.get(this.aliasToKey.get(key) ?? key);
  }

  all(): NameEntity[] {
    return [...this.entities.values()];
  }

  resolveAlias(foldedText: string): string | undefined {
    return this.aliasToKey.get(foldedText);
  }

  private firstWords: Set<string> | undefined;

  /** First words of every alias, so a draft scan can skip the rest quickly. */
  aliasFirstWords(): Set<string> {
    this.firstWords ??= new Set([...this.aliasToKey.keys()].map((a) => a.split(" ")[0]!));
    return this.firstWords;
  }

  /** Aliases longest first, for scanning drafts. */
  aliases(): Array<[string, string]> {
    return [...this.aliasToKey.entries()].sort((a, b) => b[0].length - a[0].length);
  }
}

/** Names in a draft: titled people and known entities, keyed to the registry's entities. */
export function findNames(text: string, registry: NameRegistry): NameMention[] {
  // A draft is nobody's first-person statement: a titled "I" there names no one the sources know.
  const found = extractNames(text).filter((m) => m.key !== SPEAKER_KEY).map((m) => {
    const key = registry.resolveAlias(m.key);
    const entity = key ? registry.get(key) : undefined;
    if (!entity) return m;
    return { ...m, key: entity.key, kind: entity.kind === "person" || m.kind === "other" ? entity.kind : m.kind };
  });
  // Short mentions ("Chinh", "Woo") that extractNames cannot know are people.
  const list = words(text);
  // Spans already named, in text order: a pointer walks them once as the scan moves right.
  const spans = found.map((m) => ({ start: Math.min(m.titleStart ?? m.start, m.start), end: m.end })).sort((a, b) => a.start - b.start);
  let next = 0;
  const taken = (start: number, end: number) => {
    while (next < spans.length && spans[next]!.end <= start) next++;
    for (let k = next; k < spans.length && spans[k]!.start < end; k++) if (start < spans[k]!.end) return true;
    return false;
  };
  const firstWords = registry.aliasFirstWords();
  for (let i = 0; i < list.length; i++) {
    const word = list[i]!;
    if (!word.capitalized || !firstWords.has(word.bare)) continue;
    for (let n = Math.min(4, list.length - i); n >= 1; n--) {
      const key = registry.resolveAlias(phraseAt(list, i, n));
      if (!key) continue;
      const entity = registry.get(key)!;
      const start = word.start;
      const end = list[i + n - 1]!.end;
      if (taken(start, end)) break;
      found.push({ kind: entity.kind, text: text.slice(start, end), start, end, key: entity.key });
      i += n - 1;
      break;
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
