// The ways a source may write a name the draft uses, so that the documents that can speak for a
// figure are picked by the thing named, not by the draft's wording of it: a name the sources know
// under several forms ("NEC", "National Economic Council", "Lael Brainard" and "Brainard") counts
// in a document that uses any of them; a name the sources never use, in words they all use
// ("Education Department"), is the draft's own wording and picks no documents.
import type { NameMention } from "../types.js";
import type { CorpusIndex } from "../index/corpusIndex.js";
import { fold } from "../extract/normalize.js";
import { wordTokens } from "../extract/terms.js";
import { DOMAIN_WORDS, headOf, isRank, isTemporal, MAX_HEAD_WORDS, mayStartHead } from "../knowledge/titles.js";

/** One subject: a document speaks of it when it uses every term of at least one of the forms. */
export type SubjectForms = ReadonlyArray<readonly string[]>;

/** A subject any document may speak for (its one form needs no term). */
const ANY_DOCUMENT: SubjectForms = [[]];

/** The comparable terms of a name as written ("Department of Education" -> depart, educ). */
function termsOf(text: string): string[] {
  return [...new Set(wordTokens(text).map((t) => t.term).filter((t): t is string => t !== undefined))];
}

const SEPARATOR = /[\s-]/;
const UPPER_START = /^\p{Lu}/u;

/**
 * The first letters of the words (split at spaces and hyphens) that start with a capital, joined:
 * what `split(/[\s-]+/).filter(/^\p{Lu}/u)` gives, read in one pass (a regular expression only
 * for letters outside ASCII), since every name of the index is read.
 */
function capitalInitials(name: string): string {
  let initials = "";
  let wordStart = true;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    const separator = code < 128 ? code === 32 || code === 45 || (code >= 9 && code <= 13) : SEPARATOR.test(name[i]!);
    if (separator) {
      wordStart = true;
      continue;
    }
    if (!wordStart) continue;
    wordStart = false;
    if (code < 128 ? code >= 65 && code <= 90 : UPPER_START.test(name.slice(i, i + 2))) initials += name[i]!;
  }
  return initials;
}

/** Full names the sources write out, by their initials ("cfpb" -> Consumer Financial Protection Bureau), once per index. */
const initialismCache = new WeakMap<CorpusIndex, ReadonlyMap<string, readonly string[]>>();

export function sourceInitialisms(index: CorpusIndex): ReadonlyMap<string, readonly string[]> {
  let initials = initialismCache.get(index);
  if (!initials) {
    const found = new Map<string, string[]>();
    for (const entity of index.names.all()) {
      // A name in one word has no initials to abbreviate it.
      const capitals = capitalInitials(entity.canonical);
      if (capitals.length < 2) continue;
      const key = fold(capitals);
      const names = found.get(key);
      if (names) names.push(entity.canonical);
      else found.set(key, [entity.canonical]);
    }
    initialismCache.set(index, (initials = found));
  }
  return initials;
}

/** Last words of the full names the sources write ("mccabe" of "Alan McCabe"), once per index: a writer names a person by surname after the full name. */
const surnameCache = new WeakMap<CorpusIndex, ReadonlySet<string>>();

export function sourceSurnames(index: CorpusIndex): ReadonlySet<string> {
  let surnames = surnameCache.get(index);
  if (!surnames) {
    const found = new Set<string>();
    for (const entity of index.names.all()) {
      if (entity.kind !== "person" && entity.kind !== "other") continue;
      const parts = entity.key.split(" ");
      // A one-word name has no surname apart from itself; a short last word ("Le") is too often an ordinary word.
      if (parts.length >= 2 && parts.length <= 4 && parts[parts.length - 1]!.length >= 3) found.add(parts[parts.length - 1]!);
    }
    surnameCache.set(index, (surnames = found));
  }
  return surnames;
}

/** The written form without a possessive ("EPA's" -> "EPA"), folded. */
export function withoutPossessive(written: string): string {
  const folded = fold(written);
  return folded.endsWith("'s") ? folded.slice(0, -2) : folded;
}

/**
 * The forms under which sources may write a name of the draft, or undefined when its own words
 * are all there is to go by (one word the sources do not know as a name; a word no source uses,
 * which the unknown-subject rule judges).
 */
export function nameForms(index: CorpusIndex, name: NameMention): SubjectForms | undefined {
  const written = termsOf(name.text);
  if (written.length === 0) return undefined;
  const forms: string[][] = [written];
  const entity = index.names.get(name.key);
  if (entity) forms.push(termsOf(entity.canonical), ...entity.aliases.map(termsOf));
  // An abbreviation stands for the names the sources write out with its initials ("CFPB").
  const bare = withoutPossessive(name.text);
  if (!bare.includes(" ") && bare.length <= 6) for (const full of sourceInitialisms(index).get(bare) ?? []) forms.push(termsOf(full));
  if (forms.length === 1) {
    if (written.length < 2 || !written.every((term) => index.knowsTerm(term))) return undefined;
    // A name no source uses, all of whose words they use ("Education Department" where a source
    // only says the administration discharged the loans): the draft's own attribution, which may
    // word a body another way or name one the source leaves out; it does not pick the documents.
    return ANY_DOCUMENT;
  }
  const distinct = new Map(forms.filter((f) => f.length > 0).map((f) => [[...f].sort().join(" "), f]));
  return [...distinct.values()];
}

/** The documents (by index) that use some form of every subject, ANDed into `documents`. */
export function documentsNamingAll(index: CorpusIndex, subjects: readonly SubjectForms[], documents: Uint8Array): Uint8Array {
  for (const forms of subjects) {
    if (forms.some((form) => form.length === 0)) continue;
    const any = new Uint8Array(documents.length);
    for (const form of forms) index.documentsMentioningAll(form).forEach((v, i) => (any[i] |= v));
    for (let i = 0; i < documents.length; i++) documents[i] = documents[i]! & any[i]!;
  }
  return documents;
}

/** The terms of a name as the draft writes it, to tell its words apart from other capitalised words. */
export function writtenTerms(name: NameMention): ReadonlySet<string> {
  return new Set(termsOf(name.text));
}

/**
 * Words of the sentence that name an office, not who holds it ("as California's Secretary of State
 * she won …": secretary, state): a writer may give the office wrongly or in other words, and the
 * title check judges it; the holder, not the office, says which documents can speak.
 */
export function officeWords(text: string): ReadonlySet<string> {
  // Asked once per figure of a sentence: a line of many figures is read once, not once per figure.
  if (lastOffices?.text === text) return lastOffices.words;
  const words = readOfficeWords(text);
  lastOffices = { text, words };
  return words;
}

let lastOffices: { text: string; words: ReadonlySet<string> } | undefined;

function readOfficeWords(text: string): ReadonlySet<string> {
  const tokens = wordTokens(text);
  const words = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]!.capitalized || !mayStartHead(tokens[i]!.word)) continue;
    let length = 0;
    for (let k = Math.min(MAX_HEAD_WORDS, tokens.length - i); k >= 1 && length === 0; k--) {
      const phrase = tokens.slice(i, i + k);
      if (phrase.every((t) => t.capitalized || t.word === "of") && headOf(phrase.map((t) => t.word).join(" ")) !== undefined) length = k;
    }
    if (length === 0) continue;
    for (let j = i - 1; j >= 0 && tokens[j]!.capitalized && (isRank(tokens[j]!.word) || isTemporal(tokens[j]!.word)); j--) words.add(tokens[j]!.word);
    for (let j = i; j < i + length; j++) words.add(tokens[j]!.word);
    // "of State", "of the Treasury": what the office is over.
    let j = i + length;
    if (tokens[j]?.word === "of") {
      j++;
      if (tokens[j]?.word === "the") j++;
      for (; tokens[j]?.capitalized && DOMAIN_WORDS.has(tokens[j]!.word); j++) words.add(tokens[j]!.word);
    }
    i = j - 1;
  }
  return words;
}
