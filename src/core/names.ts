// Names: people with their titles, organisations, places and agreements.
// Matching is case- and diacritic-insensitive ("Tô Lâm" ~ "To Lam"); what is shown is as written.
import type { NameKind, NameMention } from "./types.js";
import { fold, foldPreservingOffsets, isCapitalAt, isJsSpace, LETTER, MARK, NUMBER, WordScanner } from "./normalize.js";
import { GAZETTEER, NOT_NAMES, ORGANISATION_HEADS, SURNAMES, TITLES, type GazetteerEntry } from "./nameLists.js";

interface Word {
  /** Folded. */
  folded: string;
  /** Folded, without a final dot ("mr." -> "mr"): the form phrases are made of. */
  bare: string;
  start: number;
  end: number;
  capitalized: boolean;
  /** Follows a sentence end (or starts the text). */
  sentenceStart: boolean;
}

const MAX_TITLE_WORDS = 4;
/** Upper-case words that are units or terms, not organisations. */
const NOT_ACRONYMS = new Set(["usd", "krw", "vnd", "eur", "gbp", "jpy", "gdp", "oda", "fdi", "gni", "cpi", "ceo", "vat", "sea", "rok", "pm"]);
const DEMONYMS = new Set(["korean", "vietnamese", "chinese", "japanese", "american", "asian", "european", "korean-vietnamese"]);
const MAX_ALIAS_WORDS = 8;

/** Abbreviations that keep their dot, like "U.S." and "Mr.". */
const DOTTED = new Set(["mr.", "mrs.", "ms.", "dr.", "u.s.", "u.k.", "st."]);
const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}/gu;
/** Characters that end a sentence when only whitespace follows them before the next word. */
const SENTENCE_ENDS = ".!?:\"“|-–—";

function words(text: string): Word[] {
  const folded = foldPreservingOffsets(text);
  const result: Word[] = [];
  // /[\p{L}\p{M}\p{N}]+(?:[-'.][\p{L}\p{M}\p{N}]+)*\.?/gu
  const scanner = new WordScanner(folded, LETTER | MARK | NUMBER, "-'.");
  let previousEnd = 0;
  while (scanner.next()) {
    const start = scanner.start;
    if (folded[scanner.end] === ".") scanner.end++;
    const raw = folded.slice(start, scanner.end);
    // Combining marks are not ASCII: most words need no replace.
    let word = NON_ASCII.test(raw) ? raw.replace(MARKS, "") : raw;
    // Keep the dot only for abbreviations like "U.S." and "Mr."
    if (word.endsWith(".") && !DOTTED.has(word)) word = word.slice(0, -1);
    if (word.endsWith("'s")) word = word.slice(0, -2); // possessive: "Chinh's visit"
    result.push({
      folded: word,
      bare: word.endsWith(".") ? word.slice(0, -1) : word,
      start,
      end: start + word.length,
      capitalized: isCapitalAt(text, start),
      sentenceStart: result.length === 0 || endsSentence(folded, previousEnd, start),
    });
    previousEnd = start + word.length;
  }
  return result;
}

/** Whether the gap folded[from, to) between two words starts a new sentence: /[.!?:"“|\-–—]\s*$/ or any newline. */
function endsSentence(folded: string, from: number, to: number): boolean {
  let k = to - 1;
  for (; k >= from && isJsSpace(folded.charCodeAt(k)); k--) if (folded.charCodeAt(k) === 10) return true;
  if (k >= from && SENTENCE_ENDS.includes(folded[k]!)) return true;
  for (; k >= from; k--) if (folded.charCodeAt(k) === 10) return true;
  return false;
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

/** Every alias of the gazetteer, folded, to its entry. */
const GAZETTEER_ALIASES = new Map<string, GazetteerEntry>();
for (const entry of GAZETTEER) for (const alias of entry.aliases) GAZETTEER_ALIASES.set(alias, entry);
// By first word, the lengths of the titles and aliases it starts: a word that starts none is skipped
// at once, and only phrases of those lengths are built.
const TITLE_LENGTHS = phraseLengths(Object.keys(TITLES), MAX_TITLE_WORDS);
const ALIAS_LENGTHS = phraseLengths(GAZETTEER_ALIASES.keys(), MAX_ALIAS_WORDS);
/** Entries with an alias of several words: the only ones found in lower case. */
const MULTI_WORD_ENTRIES = new Set(GAZETTEER.filter((entry) => entry.aliases.some((a) => a.includes(" "))));

function matchTitle(list: readonly Word[], i: number): { title: string; length: number } | undefined {
  if (i >= list.length) return undefined;
  const lengths = list[i]!.capitalized ? TITLE_LENGTHS.get(list[i]!.bare) : undefined;
  if (!lengths) return undefined;
  for (const n of lengths) {
    if (n > list.length - i) continue;
    const phrase = phraseAt(list, i, n);
    const title = TITLES[phrase];
    if (title === undefined) continue;
    // Titles start with a capital ("President"); "PM" and "Mr." are capitalised anyway.
    if (!list[i]!.capitalized) continue;
    return { title, length: n };
  }
  return undefined;
}

function matchGazetteer(list: readonly Word[], i: number): { entry: GazetteerEntry; length: number } | undefined {
  // Callers look past the words they matched ("Attorney General to" at the end of a line).
  if (i >= list.length) return undefined;
  const lengths = ALIAS_LENGTHS.get(list[i]!.bare);
  if (!lengths) return undefined;
  for (const n of lengths) {
    if (n > list.length - i) continue;
    const entry = GAZETTEER_ALIASES.get(phraseAt(list, i, n));
    if (!entry) continue;
    // Lower-case "korea" in running text is still Korea; short codes must be capitalised ("UN", not "un").
    if (!list[i]!.capitalized && (n === 1 && list[i]!.folded.length <= 4)) continue;
    if (!list[i]!.capitalized && !MULTI_WORD_ENTRIES.has(entry)) continue;
    return { entry, length: n };
  }
  return undefined;
}

/** Capitalised words from i that can be part of a name (at most `max`). */
function capitalisedRun(list: readonly Word[], i: number, max: number, text: string): number {
  let n = 0;
  while (n < max && i + n < list.length) {
    const w = list[i + n]!;
    if (!w.capitalized || NOT_NAMES.has(w.folded) || matchTitle(list, i + n)) break;
    if (n > 0 && !onlySpaces(text, list[i + n - 1]!.end, w.start)) break;
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
  return { kind, text: written, start, end, key: key ?? nameKey(written) };
}

/** Names in one line or paragraph, sorted and non-overlapping; offsets are UTF-16 into `text`. */
export function extractNames(text: string): NameMention[] {
  const list = words(text);
  const found: NameMention[] = [];
  for (let i = 0; i < list.length; i++) {
    const title = matchTitle(list, i);
    if (title) {
      let j = i + title.length;
      // "Ambassador to South Korea Nguyen Vu Tung": skip the posting.
      if (list[j]?.folded === "to") {
        const place = matchGazetteer(list, j + 1);
        if (place) j += 1 + place.length;
      }
      const length = capitalisedRun(list, j, 4, text);
      if (length > 0 && !GAZETTEER_ALIASES.has(phraseAt(list, j, length))) {
        const person = mention("person", text, list, j, length);
        if (title.title) {
          person.title = title.title;
          person.titleStart = list[i]!.start;
          person.titleEnd = list[i + title.length - 1]!.end;
        }
        found.push(person);
        i = j + length - 1;
        continue;
      }
    }
    const known = matchGazetteer(list, i);
    if (known) {
      found.push(mention(known.entry.kind, text, list, i, known.length, nameKey(known.entry.canonical)));
      i += known.length - 1;
      continue;
    }
    const word = list[i]!;
    if (!word.capitalized || NOT_NAMES.has(word.folded)) continue;
    const length = capitalisedRun(list, i, 5, text);
    if (length === 0) continue;
    const last = list[i + length - 1]!.folded;
    if (length >= 2 && SURNAMES.has(word.folded.split("-")[0]!)) {
      found.push(mention("person", text, list, i, Math.min(length, 4)));
      i += Math.min(length, 4) - 1;
    } else if (length >= 2 && ORGANISATION_HEADS.has(last)) {
      found.push(mention("organisation", text, list, i, length));
      i += length - 1;
    } else if (length === 1 && /^[A-Z]{3,6}$/.test(text.slice(word.start, word.end)) && !NOT_ACRONYMS.has(word.folded)) {
      found.push(mention("organisation", text, list, i, 1));
    } else if (length >= 2 && !word.sentenceStart && !DEMONYMS.has(last)) {
      found.push(mention("other", text, list, i, length));
      i += length - 1;
    }
  }
  return found;
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
  }

  /** Links one-word people ("Chinh", "Lâm") to the full name they belong to, when only one fits. */
  finalize(): void {
    const fullNames = [...this.entities.values()].filter((e) => e.kind === "person" && e.key.includes(" "));
    const partOwners = new Map<string, Set<string>>();
    for (const person of fullNames) {
      for (const part of person.key.split(" ")) {
        if (part.length < 2) continue;
        const owners = partOwners.get(part) ?? new Set<string>();
        owners.add(person.key);
        partOwners.set(part, owners);
      }
    }
    for (const entity of [...this.entities.values()]) {
      this.aliasToKey.set(entity.key, entity.key);
      const owners = entity.kind === "person" && !entity.key.includes(" ") ? partOwners.get(entity.key) : undefined;
      if (owners?.size === 1) {
        const owner = this.entities.get([...owners][0]!)!;
        for (const t of entity.titles) {
          const known = owner.titles.find((o) => o.title === t.title);
          if (known) known.count += t.count;
          else owner.titles.push({ ...t });
        }
        owner.mentions.push(...entity.mentions);
        this.entities.delete(entity.key);
        this.aliasToKey.set(entity.key, owner.key);
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
  const found = extractNames(text).map((m) => {
    const key = registry.resolveAlias(m.key);
    const entity = key ? registry.get(key) : undefined;
    return entity ? { ...m, key: entity.key, kind: entity.kind === "person" || m.kind === "other" ? entity.kind : m.kind } : m;
  });
  // Short mentions ("Chinh", "Woo") that extractNames cannot know are people.
  const list = words(text);
  const taken = (start: number, end: number) => found.some((m) => start < m.end && end > (m.titleStart ?? m.start));
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

const TITLE_FAMILIES: Record<string, string> = { "foreign minister": "minister", "deputy minister": "minister" };

/** Whether a drafted title can describe someone the sources give `stated`. */
export function titlesCompatible(drafted: string, stated: string): boolean {
  const a = TITLES[fold(drafted)] ?? fold(drafted);
  const b = TITLES[fold(stated)] ?? fold(stated);
  if (a === b || a === "" || b === "") return true;
  return TITLE_FAMILIES[a] === b || TITLE_FAMILIES[b] === a;
}

/** People and other entities whose name or alias starts with `prefix` (folded), for completion. */
export function prefixCompletions(registry: NameRegistry, prefix: string, limit = 20): Array<{ entity: NameEntity; label: string; title?: string }> {
  const wanted = fold(prefix);
  if (wanted.length === 0) return [];
  const results: Array<{ entity: NameEntity; label: string; title?: string }> = [];
  for (const entity of registry.all()) {
    const matches = fold(entity.canonical).startsWith(wanted) || entity.aliases.some((a) => a.startsWith(wanted));
    if (!matches) continue;
    const title = entity.titles[0]?.title;
    results.push({ entity, label: entity.canonical, ...(title ? { title } : {}) });
  }
  const weight = (r: { entity: NameEntity }) => (r.entity.kind === "person" ? 1000 : 0) + r.entity.mentions.length;
  return results.sort((a, b) => weight(b) - weight(a)).slice(0, limit);
}
