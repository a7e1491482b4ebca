// The claim checker: for each figure in a draft, find the source figures that state
// the same quantity and decide supported / contradicted / disputed / unverifiable.
import type { Evidence, Figure, Finding, NameMention, Range, SourceSentence } from "../types.js";
import { CorpusIndex, entityTerms, evidenceOf, type SourceFigure } from "../index/corpusIndex.js";
import { CLAUSE_BREAK, contextOf, describeTime, listItemStart, type FigureContext } from "../extract/figureContext.js";
import { plausibleRivals, sameStatedTime, sharedDateParts, statementsConsistent, unitsMatch, valuesAgree } from "./compare.js";
import { readDraft, positionAt, type DraftSentence } from "./draft.js";
import { extractFigures } from "../extract/figures.js";
import { findNames } from "../extract/names.js";
import { fold } from "../extract/normalize.js";
import { termOf, wordTokens } from "../extract/terms.js";
import { endsPlaceName, placeTermOf, placeTerms } from "../knowledge/placeTerms.js";
import { checkTitle, prepareTitleCheck } from "./titleCheck.js";
import { similarity } from "../index/similarity.js";
import { isCalendarWord, sameSubject, subjectsOf } from "./subjects.js";
import { isCommonEnglishWord } from "../knowledge/commonWords.js";
import { documentsNamingAll, nameForms, officeWords, sourceInitialisms, sourceSurnames, withoutPossessive, writtenTerms, type SubjectForms } from "./subjectForms.js";
import { isSmallNumber } from "../knowledge/figureWords.js";
import { newestHolds, type NewestVerdict } from "./newest.js";
import { describeFigure, describeSource, locationOf } from "./messages.js";
import { canSupport, correctionPlaces, localRole, sourceRole, type FigureRole } from "../extract/claimRoles.js";
import { throwIfCancelled, type CancellationToken } from "../../util/cancellation.js";

export { similarity };

export interface CheckOptions {
  /** Figures or phrases not to check (matched case- and diacritic-insensitively). */
  ignore?: readonly string[];
  token?: CancellationToken;
}

/** Below this, a source figure is not about the same thing at all. */
const RELATED = 0.12;
/** A contradiction needs the nearest source figure to be at least this close. */
const SAME_QUANTITY = 0.2;
/** Source figures this alike across documents describe one quantity (for disputes). */
const SAME_SOURCE_QUANTITY = 0.35;
const UNTIMED_SAME_QUANTITY = 0.6;
const MAX_CANDIDATES = 200;
/**
 * A goal or forecast matched with an outcome (or the other way round) counts this much less alike:
 * "is expected to grow 4%" and "predicting 4% growth" are one figure whichever way the words read
 * it, but a goal is no outcome when a source states both.
 */
const OTHER_TENSE = 0.6;
/** A source that states the same time as the draft counts this much more alike. */
const SAME_TIME_BONUS = 1.15;

export interface DraftFigure {
  figure: Figure;
  sentence: DraftSentence;
  names: NameMention[];
  context: FigureContext;
  range: Range;
  /** Stated, or written only to deny it ("not 41st") or as the old value of a change ("from N to M"). */
  role: FigureRole;
  /** The other figures of its sentence. */
  companions: Figure[];
}

/** Roles depend only on the sources, so each source figure's is read once per index. */
const roleCache = new WeakMap<CorpusIndex, WeakMap<SourceFigure, FigureRole>>();

function roleOf(index: CorpusIndex, source: SourceFigure): FigureRole {
  let byFigure = roleCache.get(index);
  if (!byFigure) roleCache.set(index, (byFigure = new WeakMap()));
  let role = byFigure.get(source);
  if (role === undefined) byFigure.set(source, (role = sourceRole(source.figure, source.sentence, index.sentences)));
  return role;
}

/** The source figure for a figure of a sentence (source figures are stored in sentence order). */
function sourceFigureAt(index: CorpusIndex, sentence: SourceSentence, figure: Figure): SourceFigure | undefined {
  const figures = index.sourceFigures;
  let lo = 0;
  let hi = figures.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (figures[mid]!.sentence.id < sentence.id) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < figures.length && figures[i]!.sentence.id === sentence.id; i++) if (figures[i]!.figure.start === figure.start) return figures[i];
  return undefined;
}

/**
 * The value a source puts in place of one it does not stand behind ("in fact 16 percent"): the
 * first that can rival the draft's figure and disagrees with it.
 */
function correctionFor(index: CorpusIndex, draft: DraftFigure, source: SourceFigure): SourceFigure | undefined {
  for (const place of correctionPlaces(source.figure, roleOf(index, source), source.sentence, index.sentences)) {
    const figure = place.figure;
    const unitFits = unitsMatch(figure.kind, draft.figure.unit, figure.unit) || (figure.kind === "count" && figure.unit === "");
    // No test of scale: the source itself sets the two values against each other ("50 times … just three times").
    if (!unitFits || valuesAgree(draft.figure, figure)) continue;
    const found = sourceFigureAt(index, place.sentence, figure);
    if (found) return found;
  }
  return undefined;
}

/**
 * Whether a source figure can speak for the draft's: a number the source denies, corrects or
 * replaces is not what the source says, unless the draft uses it the same way or both give the
 * same time for it ("from $54,803 in 2002": $54,803 was true in 2002).
 */
function speaksFor(index: CorpusIndex, draft: DraftFigure, source: SourceFigure): boolean {
  const role = roleOf(index, source);
  return canSupport(role, draft.role) || (role === "superseded" && sameStatedTime(draft.context, source.context));
}

export interface Candidate {
  source: SourceFigure;
  similarity: number;
  /** The source figure's place in the index, and its similarity before the same-time bonus. */
  figure: number;
  raw: number;
  /** Stands in for a number the source denies: it answers the draft whatever time either states. */
  correction?: boolean;
}

/**
 * Other words writers use for a measure (as terms): "the jobless rate" is the unemployment rate,
 * "CPI" names price inflation, "borrowers" are owed loans.
 */
const MEASURE_EQUIVALENTS: ReadonlyMap<string, readonly string[]> = new Map(
  (
    [
      ["unemployment", ["jobless", "joblessness"]],
      ["price", ["cpi"]],
      ["inflation", ["cpi"]],
      ["loan", ["borrower", "borrowers", "borrowing"]],
      // Loans are debts: "student loan debt" and "loans held by borrowers" are one quantity.
      ["debt", ["loan", "loans", "borrower", "borrowers"]],
      // The noun and its irregular verb, which no stemmer joins: "album sales grew" is "units sold".
      ["sale", ["sell", "sold", "selling"]],
    ] as const
  ).map(([measure, others]) => [termOf(measure)!, others.map((word) => termOf(word)!)]),
);

/** Verbs of increase (as terms): a sentence that says something rose speaks of growth ("Italy saw a 120% jump"). */
const INCREASE_TERMS: ReadonlySet<string> = new Set(
  ["rise", "rose", "risen", "rising", "jump", "jumped", "increase", "increased", "climb", "climbed", "surge", "surged", "gain", "gained", "soar", "soared", "grew", "grow", "growing"].map((word) => termOf(word)!),
);
const GROWTH = termOf("growth")!;

function mentions(terms: ReadonlySet<string>, measure: string, increaseIsGrowth = false): boolean {
  if (terms.has(measure) || (MEASURE_EQUIVALENTS.get(measure)?.some((other) => terms.has(other)) ?? false)) return true;
  if (increaseIsGrowth && measure === GROWTH) for (const term of terms) if (INCREASE_TERMS.has(term)) return true;
  for (const term of terms) if (sameWordFamily(term, measure)) return true;
  return false;
}

/**
 * A verb and the noun made from it, which the stemmer leaves apart ("grow" and "growth", "export"
 * and "exporter"): one stem begins the other, and only a short ending (a suffix) tells them apart.
 */
function sameWordFamily(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return (short.length >= 4 && long.length - short.length <= 2 && long.startsWith(short)) || pastInT(a, b);
}

/** A verb whose past ends in t where its present ends in d ("spend" and "spent", "build" and "built"), which no stemmer joins. */
function pastInT(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 4 || a.slice(0, -1) !== b.slice(0, -1)) return false;
  const ends = a.slice(-1) + b.slice(-1);
  return ends === "dt" || ends === "td";
}

/** A measure word on one side that the other sentence never mentions (in any of its words) means another quantity; `a` is the draft's side. */
function measuresConflict(a: FigureContext, b: FigureContext): boolean {
  // The first side's "growth" is the second's "jumped": one way only, since "prices rise" is not every growth figure.
  for (const measure of a.measures) if (!mentions(b.sentenceTerms, measure, true)) return true;
  for (const measure of b.measures) if (!mentions(a.sentenceTerms, measure)) return true;
  return false;
}

/** Every term a place is read as, once. */
let placeTermSet: ReadonlySet<string> | undefined;

/** The places a sentence names (as terms): "US", "Indian", "Taipei". */
function placesOf(context: FigureContext): string[] {
  placeTermSet ??= placeTerms();
  return [...context.sentenceTerms].filter((term) => placeTermSet!.has(term));
}

/** The places of source figures' contexts, read once each: a figure is a candidate for many draft figures. */
const sourcePlaces = new WeakMap<FigureContext, string[]>();

/** Per source sentence: whether every name in it is a place or a date, so its places are all its subjects. */
const onlyPlacesNamed = new WeakMap<SourceSentence, boolean>();

function namesOnlyPlaces(sentence: SourceSentence): boolean {
  let only = onlyPlacesNamed.get(sentence);
  if (only === undefined) {
    placeTermSet ??= placeTerms();
    only = wordTokens(sentence.text).every((t, i) => i === 0 || !t.capitalized || t.term === undefined || placeTermSet!.has(t.term) || isCalendarWord(t.word));
    onlyPlacesNamed.set(sentence, only);
  }
  return only;
}

/**
 * The draft names places `x` (placesOf its context), and the source sentence names others and nothing else ("the US economy
 * grew 3.8%", "the Indian economy grew by 8.5%"): figures about different countries. A source that
 * also names something else ("the RoK", a firm) may be about the draft's place under another name.
 * Forms of one place whose terms differ only in their ending ("india", "indian") are one place.
 */
function placesDiffer(x: readonly string[], source: SourceFigure): boolean {
  if (x.length === 0) return false;
  let y = sourcePlaces.get(source.context);
  if (!y) sourcePlaces.set(source.context, (y = placesOf(source.context)));
  if (y.length === 0) return false;
  const alike = (p: string, q: string) => p === q || (p.length >= 4 && q.length >= 4 && p.slice(0, 4) === q.slice(0, 4));
  // A shared place settles it before the source sentence is read word by word.
  return !x.some((p) => y.some((q) => alike(p, q))) && namesOnlyPlaces(source.sentence);
}

/**
 * A country written as "UK" or "US" is where most of its own sources are written from, and they
 * seldom name it ("the trade deficit was $763 billion"): it does not say which documents can speak.
 */
function homeCountry(word: string): boolean {
  return word.length === 2 && placeTermOf(word, true) !== undefined;
}

/** Documents that name some place, per index: a source naming none may be about its home country. */
const placeNaming = new WeakMap<CorpusIndex, Uint8Array>();

function documentsNamingAPlace(index: CorpusIndex): Uint8Array {
  let naming = placeNaming.get(index);
  if (!naming) {
    naming = new Uint8Array(index.documents.length);
    for (const term of placeTerms()) index.documentsMentioningAll([term]).forEach((v, i) => (naming![i] |= v));
    placeNaming.set(index, naming);
  }
  return naming;
}

/**
 * Documents that may speak for a figure: those naming its subjects (each name in one of the forms
 * the sources write it), and for a home country also those naming no place.
 */
function documentsFor(index: CorpusIndex, context: FigureContext, scope: Scope): Uint8Array | undefined {
  const homes = [...context.capitalizedWords, ...(context.initialWord ? [context.initialWord] : [])].filter(homeCountry).map((w) => placeTermOf(w, true)!);
  // The figures of a draft share their subjects, and each pick reads the document lists of every term.
  let picked = documentsPicked.get(index);
  if (!picked || picked.size >= MAX_PICKS_KEPT) documentsPicked.set(index, (picked = new Map()));
  const key = JSON.stringify([scope.subjects, scope.names, homes]);
  if (!picked.has(key)) picked.set(key, pickDocuments(index, scope, homes));
  return picked.get(key);
}

/** Documents picked per scope and home countries, per index (read only by retrieval); forgotten all at once when this many. */
const documentsPicked = new WeakMap<CorpusIndex, Map<string, Uint8Array | undefined>>();
const MAX_PICKS_KEPT = 1000;

function pickDocuments(index: CorpusIndex, scope: Scope, homes: readonly string[]): Uint8Array | undefined {
  const subjects = scope.subjects;
  const named = (terms: readonly string[]) => documentsNamingAll(index, scope.names, index.documentsMentioningAll(terms));
  if (homes.length === 0) return subjects.length > 0 || scope.names.length > 0 ? named(subjects) : undefined;
  const withHome = named([...subjects, ...homes]);
  const others = subjects.length > 0 || scope.names.length > 0 ? named(subjects) : undefined;
  const naming = documentsNamingAPlace(index);
  return withHome.map((v, i) => v | ((others ? others[i]! : 1) & (naming[i]! ^ 1)));
}

/**
 * Two counts of one value whose units were read differently ("450 trains" and "over 450 trains
 * daily" read as "daily", "up to 600 of them" and "600 jobs"): the same thing is counted when the
 * draft's unit (or, when it names none, the source's) is a word of the other side's sentence.
 */
function countsAlike(draft: DraftFigure, source: SourceFigure): boolean {
  if (draft.figure.kind !== "count" || (draft.figure.unit === "" && source.figure.unit === "")) return false;
  const named = (unit: string, terms: ReadonlySet<string>) => {
    const term = termOf(unit);
    return term !== undefined && terms.has(term);
  };
  // What the draft counts is what must match: its unit, or when it names none, the source's.
  return draft.figure.unit !== "" ? named(draft.figure.unit, source.context.sentenceTerms) : named(source.figure.unit, draft.context.sentenceTerms);
}

/**
 * The source's counted noun written in the draft's sentence in another form ("1.5 million
 * available units" of "1.5 million active availabilities"): enough for the same value to support
 * the draft, though too loose a tie to hold another value against it.
 */
function sourceUnitInDraft(draft: DraftFigure, source: SourceFigure): boolean {
  if (draft.figure.kind !== "count" || source.figure.unit === "") return false;
  const term = termOf(source.figure.unit);
  return term !== undefined && draft.context.sentenceTerms.has(term);
}

/**
 * Computes the tables a check reads once per index (initials of source names, documents naming a
 * place, titled mentions, first words of aliases), so that whoever builds or restores an index can
 * pay for them there instead of inside the writer's first check. Checks compute them lazily anyway.
 */
export function prepareForChecks(index: CorpusIndex): void {
  sourceInitialisms(index);
  documentsNamingAPlace(index);
  prepareTitleCheck(index);
  index.names.aliasFirstWords();
}

/** Whether a word ("EPA", "EPA's") is an abbreviation a source defines; the possessive abbreviates what the word does. */
function isSourceInitialism(index: CorpusIndex, written: string): boolean {
  const bare = withoutPossessive(written);
  return bare.length <= 6 && sourceInitialisms(index).has(bare);
}

/** Whether a word the sources never use is the initials of a name they write out ("faa"). */
function abbreviatesSourceName(index: CorpusIndex, written: string): boolean {
  // Every caller passes a folded word, so withoutPossessive strips exactly what the hand-written cut did.
  const bare = withoutPossessive(written);
  return isSourceInitialism(index, bare) && !index.knowsTerm(termOf(bare) ?? bare);
}

/** Capitalised words near the draft figure that no source ever uses: a subject the sources do not cover. */
function unknownSubjects(index: CorpusIndex, context: FigureContext, names: readonly NameMention[]): string[] {
  // Days and months are written with a capital without naming a subject; an abbreviation of a name
  // the sources write out in full ("FAA") names a subject they cover.
  const abbreviates = (word: string) => abbreviatesSourceName(index, word);
  const unknownWords = context.capitalizedWords.filter((word) => {
    const term = termOf(word);
    // The last word of a place written in words ("Lumpur") is indexed as the place, not as itself.
    return term !== undefined && !index.knowsTerm(term) && !isCalendarWord(word) && !homeCountry(word) && !abbreviates(word) && !endsPlaceName(word);
  });
  // A person or organisation the sources never name, wherever it sits in the sentence. An
  // organisation whose every word the sources use ("Senate Banking Committee") may be one they name
  // in another form; a word they never use is caught above.
  const wordsKnown = (name: NameMention) => wordTokens(name.text).every((t) => t.term === undefined || index.knowsTerm(t.term));
  // A person named by surname alone ("McCain's", "Mr McCabe") is one the sources name in full.
  const bySurname = (n: NameMention) => n.kind === "person" && sourceSurnames(index).has(withoutPossessive(n.text));
  const unknownNames = names.filter((n) => (n.kind === "person" || (n.kind === "organisation" && !wordsKnown(n) && !abbreviates(fold(n.text)))) && !index.names.get(n.key) && !bySurname(n)).map((n) => n.text);
  return [...unknownWords, ...unknownNames];
}

/** What a draft figure is about: terms every document that speaks for it uses, and names it may write in several forms. */
interface Scope {
  subjects: string[];
  names: SubjectForms[];
}

/** Terms naming what the draft figure is about: capitalised words near it, a leading name, and the names among them in any form the sources use. */
function subjectTerms(index: CorpusIndex, context: FigureContext, sentence: string, inTitles: ReadonlySet<string>, names: readonly NameMention[]): Scope {
  const forms: SubjectForms[] = [];
  const inNames = new Set<string>();
  for (const name of names) {
    // A home country picks documents its own way (documentsFor).
    if (homeCountry(withoutPossessive(name.text))) continue;
    const found = nameForms(index, name);
    if (!found) continue;
    forms.push(found);
    for (const term of writtenTerms(name)) inNames.add(term);
  }
  const offices = officeWords(sentence);
  const inName = (word: string) => inNames.has(termOf(word) ?? word) || offices.has(word);
  // An abbreviation of a name the sources write out in full ("FAA", "EU") may be in a document only
  // as the full name, even where other documents use it as itself.
  const words = context.capitalizedWords.filter((word) => !isCalendarWord(word) && !isSourceInitialism(index, word) && !inTitles.has(word) && !inName(word) && !(endsPlaceName(word) && !index.knowsTerm(termOf(word) ?? word)));
  const initial = context.initialWord;
  // "Employers" is as ordinary as "employer": a plural or singular the sources write in lower case.
  // A common English word no source uses ("Output grew …") is ordinary too: the sources give no
  // sign of a name, and the lexicon says it is a word; one they write only with a capital is a name.
  const ordinary = (word: string) => index.isOrdinaryWord(word) || index.isOrdinaryWord(word.replace(/e?s$/, "")) || index.isOrdinaryWord(`${word}s`) || (isCommonEnglishWord(word) && !index.knowsTerm(termOf(word) ?? word));
  if (initial && !inName(initial) && !isSourceInitialism(index, initial) && !ordinary(initial) && mayBeName(index, initial, sentence)) words.push(initial);
  const subjects = words.filter((w) => !homeCountry(w)).map((w) => termOf(w)).filter((t): t is string => t !== undefined);
  return { subjects, names: forms };
}

/**
 * Words of the title written beside a person the sources name ("William Hague, the former
 * Conservative leader"): the person is the subject, and the sources may word the title otherwise
 * ("former Tory leader William Hague"), so its words do not pick the documents.
 */
function titleWords(index: CorpusIndex, draft: DraftFigure): ReadonlySet<string> {
  const words = new Set<string>();
  for (const name of draft.names) {
    if (name.title === undefined || !index.names.get(name.key)) continue;
    for (const token of wordTokens(name.title)) words.add(token.word);
  }
  return words;
}

/** Words that follow a verb or a preposition, never a name: "Lowering the limit", "Despite a fall". */
const AFTER_VERB = /^\s+(?:the|a|an|its|their|his|her|our|this|these|those|that|some|all|more|most|up|down|out|to|in|on|at|by|for|from|with|of|over|under|into)\b/i;

/**
 * Whether a capitalised first word may be a name. Its capital says nothing; a contraction ("Don't"),
 * an -ing or -ly form ("Cutting", "Reportedly") or a word followed by "the" or a preposition is not one.
 */
function mayBeName(index: CorpusIndex, folded: string, sentence: string): boolean {
  if (/(?:n't|'re|'ve|'ll|'d|'m)$/.test(folded)) return false;
  if (folded.length > 5 && /(?:ing|ly)$/.test(folded)) return false;
  const at = fold(sentence).indexOf(folded);
  if (at >= 0 && AFTER_VERB.test(sentence.slice(at + folded.length))) return false;
  // A word the sources never use is taken for a name ("Japan", "Toyota's", "BMW") unless it reads
  // as a plural or a past tense, as ordinary words that start sentences do ("Employers", "Added").
  const term = termOf(folded);
  if (term !== undefined && index.knowsTerm(term)) return true;
  const written = at >= 0 ? sentence.slice(at, at + folded.length) : "";
  if (folded.endsWith("'s") || (written.length > 1 && written === written.toUpperCase())) return true;
  return !/(?:[^s']s|ed)$/.test(folded);
}

/**
 * Where a draft figure's candidates may come from: undefined when it names a subject no source
 * covers (it has none), else its subject terms; only documents using all of them can hold one
 * (documentsFor). The archive asks this before it retrieves, so it fetches what can count.
 */
export function candidateScope(index: CorpusIndex, draft: DraftFigure): Scope | undefined {
  const itemStart = listItemStart(draft.sentence.text, draft.figure.start);
  const subjectNames = draft.names.filter((n) => (n.end <= draft.figure.start && n.start >= itemStart) || (n.start >= draft.figure.end && !CLAUSE_BREAK.test(draft.sentence.text.slice(draft.figure.end, n.start))));
  if (unknownSubjects(index, draft.context, subjectNames).length > 0) return undefined;
  return subjectTerms(index, draft.context, draft.sentence.text, titleWords(index, draft), subjectNames);
}

/** Candidates per draft figure, with and without its time: a sentence asks for a figure's several times (a year, and the figure it times). */
const candidateLists = new WeakMap<DraftFigure, { index: CorpusIndex; lists: Map<boolean, Candidate[]> }>();

/** The draft figure's candidates, best first; worked out once per figure and index (callers only read the list). */
export function candidatesFor(index: CorpusIndex, draft: DraftFigure, options: { ignoreTime: boolean }): Candidate[] {
  let known = candidateLists.get(draft);
  if (known?.index !== index) candidateLists.set(draft, (known = { index, lists: new Map() }));
  let candidates = known.lists.get(options.ignoreTime);
  if (!candidates) known.lists.set(options.ignoreTime, (candidates = findCandidates(index, draft, options)));
  return candidates;
}

function findCandidates(index: CorpusIndex, draft: DraftFigure, options: { ignoreTime: boolean }): Candidate[] {
  const scope = candidateScope(index, draft);
  if (!scope) return [];
  const documents = documentsFor(index, draft.context, scope);
  const candidates: Candidate[] = [];
  const figures = index.sourceFigures;
  const time = options.ignoreTime ? undefined : draft.context.time;
  const related = index.relatedBestFirst(draft.context, {
    // A source stating the same time scores more, so one below RELATED can still count.
    minimum: RELATED / SAME_TIME_BONUS,
    kind: draft.figure.kind,
    // Goals and outcomes are both weighed: the other kind can only support (see OTHER_TENSE).
    ...(time ? { time: { from: time.from, to: time.to } } : {}),
    // Counts of another unit may still count the same thing (see countsAlike), so they are weighed too.
    unit: (unit) => draft.figure.kind === "count" || unitsMatch(draft.figure.kind, draft.figure.unit, unit),
    // A source document that never mentions the draft's subject ("Yukos", "Samsung") is about something else.
    ...(documents ? { documents } : {}),
  });
  const draftPlaces = placesOf(draft.context);
  for (const { index: figure, score: alike } of related) {
    // Taken best first: once MAX_CANDIDATES are in, one that scores below all of them even with
    // the bonus cannot enter the list.
    if (candidates.length >= MAX_CANDIDATES && alike * SAME_TIME_BONUS < candidates[MAX_CANDIDATES - 1]!.raw) break;
    const source = figures[figure]!;
    if (draft.figure.kind === "date" && sharedDateParts(draft.figure, source.figure) === 0) continue;
    // A count read with another unit can only support the draft, never stand against it.
    if (!unitsMatch(draft.figure.kind, draft.figure.unit, source.figure.unit) && !((countsAlike(draft, source) || sourceUnitInDraft(draft, source)) && valuesAgree(draft.figure, source.figure))) continue;
    if (measuresConflict(draft.context, source.context)) continue;
    const otherTense = source.context.isTarget !== draft.context.isTarget;
    // A goal never contradicts an outcome, nor an outcome a goal; one country's figure never another's.
    if ((otherTense || placesDiffer(draftPlaces, source)) && !valuesAgree(draft.figure, source.figure)) continue;
    const score = (sameStatedTime(draft.context, source.context) ? alike * SAME_TIME_BONUS : alike) * (otherTense ? OTHER_TENSE : 1);
    if (score < RELATED) continue;
    if (speaksFor(index, draft, source)) candidates.push({ source, similarity: score, figure, raw: alike });
    else if (valuesAgree(draft.figure, source.figure)) {
      // The draft repeats a number the source denies: the draft is held to the source's correction, as closely related.
      const correction = correctionFor(index, draft, source);
      if (correction) candidates.push({ source: correction, similarity: score, figure, raw: alike, correction: true });
    }
  }
  candidates.sort((a, b) => b.similarity - a.similarity || a.figure - b.figure);
  // Far below the best, candidates change no verdict; keep the list short on a large corpus.
  if (candidates.length > MAX_CANDIDATES) candidates.length = MAX_CANDIDATES;
  if (draft.figure.kind !== "date" || candidates.length === 0) return candidates;
  // "August 15" is judged by sources that give a day ("August 11"), not by "August 2021".
  const best = candidates[0]!.similarity;
  const precision = (c: Candidate) => sharedDateParts(draft.figure, c.source.figure);
  const finest = Math.max(...candidates.filter((c) => c.similarity >= best * 0.6).map(precision));
  return candidates.filter((c) => precision(c) >= finest || c.similarity < best * 0.6);
}

/** Disputes depend only on the sources, so each source figure's are worked out once per index. */
const disputeCache = new WeakMap<CorpusIndex, WeakMap<SourceFigure, SourceFigure[]>>();

function disputesOf(index: CorpusIndex, matched: SourceFigure): SourceFigure[] {
  let byFigure = disputeCache.get(index);
  if (!byFigure) disputeCache.set(index, (byFigure = new WeakMap()));
  const known = byFigure.get(matched);
  if (known) return known;
  const disputes = findDisputes(index, matched);
  byFigure.set(matched, disputes);
  return disputes;
}

/** Which side the newest source takes in a figure's disputes: it depends only on the sources, so it is worked out once per figure and index. */
const newestCache = new WeakMap<CorpusIndex, WeakMap<SourceFigure, { verdict: NewestVerdict<SourceFigure> }>>();

function newestOf(index: CorpusIndex, matched: SourceFigure, disputes: readonly SourceFigure[]): NewestVerdict<SourceFigure> {
  let byFigure = newestCache.get(index);
  if (!byFigure) newestCache.set(index, (byFigure = new WeakMap()));
  let known = byFigure.get(matched);
  if (!known) {
    const dated = (source: SourceFigure) => ({ source, figure: source.figure, date: index.documents[index.documentOf(source)]?.date });
    byFigure.set(matched, (known = { verdict: newestHolds(dated(matched), disputes.map(dated)) }));
  }
  return known.verdict;
}

/** Another source states the same quantity differently: same value at another time, or another value at the same time. */
function findDisputes(index: CorpusIndex, matched: SourceFigure): SourceFigure[] {
  const disputes: SourceFigure[] = [];
  // A dated figure can only conflict with another dated one (same value at another time, another
  // value at the same time); an undated one only with another undated amount described almost alike.
  const timed = matched.context.time !== undefined;
  if (!timed && (matched.figure.kind === "rank" || matched.figure.kind === "date")) return disputes;
  // A bare number ("four", "20") says too little about what it counts to be disputed.
  if (matched.figure.kind === "count" && matched.figure.unit === "") return disputes;
  const related = index.related(matched.context, {
    minimum: timed ? SAME_SOURCE_QUANTITY : UNTIMED_SAME_QUANTITY,
    kind: matched.figure.kind,
    bothWays: true,
    target: matched.context.isTarget,
    timed,
    unit: (unit) => unitsMatch(matched.figure.kind, matched.figure.unit, unit),
    notDocument: index.documentOf(matched),
  });
  for (const { index: figure, score: alike } of related.sort((a, b) => a.index - b.index)) {
    const other = index.sourceFigures[figure]!;
    if (measuresConflict(matched.context, other.context)) continue;
    const sameValue = valuesAgree(matched.figure, other.figure) && valuesAgree(other.figure, matched.figure);
    const differentTime = Boolean(matched.context.time && other.context.time) && !sameStatedTime(matched.context, other.context);
    const neitherTimed = !matched.context.time && !other.context.time;
    // Two bounds ("above $47", "above $53"), or a bound and a value inside it, can both hold; so
    // can two undated readings of a level that moves ("rose to $47.10", "surged above $53").
    const untimedRival =
      !sameValue && neitherTimed && matched.figure.kind !== "rank" && matched.figure.kind !== "date" && plausibleRivals(matched.figure, other.figure) &&
      !statementsConsistent(matched.figure, other.figure) && !(movingLevel(matched) && movingLevel(other));
    const conflict = (sameValue && differentTime) || (!sameValue && sameStatedTime(matched.context, other.context)) || untimedRival;
    // `alike` is the larger of the similarities either way round; two undated figures must be
    // described almost alike before we call them one quantity.
    if (!conflict || alike < (untimedRival ? UNTIMED_SAME_QUANTITY : SAME_SOURCE_QUANTITY)) continue;
    // Undated rivals must be described almost alike both ways round: a long sentence that says more
    // (donations, then what was spent) echoes a short one without being about the same quantity.
    if (untimedRival && Math.min(similarity(index, matched.context, other.context), similarity(index, other.context, matched.context)) < SAME_SOURCE_QUANTITY) continue;
    // Only figures about the same subject can disagree, and only with what a source stands behind.
    // Asked last: the subject reads the other figure's whole document, the first time it is asked.
    if (sameSubject(index, matched.sentence, other.sentence) && !onlyHomeCountryInCommon(index, matched.sentence, other.sentence) && roleOf(index, other) === "stated") disputes.push(other);
  }
  return disputes;
}

/**
 * Two source sentences whose only common subject is their home country ("UK", "US"), each naming
 * something else ("Vodafone … in the UK", "Harry Potter … at the UK box office"): different things
 * in the country the sources are written from, which they name in passing (see homeCountry).
 */
function onlyHomeCountryInCommon(index: CorpusIndex, a: SourceSentence, b: SourceSentence): boolean {
  const x = subjectsOf(index, a);
  const y = subjectsOf(index, b);
  const shared = [...x].filter((term) => y.has(term));
  if (shared.length === 0 || !shared.every(homeCountry)) return false;
  const namesMore = (subjects: ReadonlySet<string>) => [...subjects].some((term) => !homeCountry(term));
  return namesMore(x) && namesMore(y);
}

/** A verb of change a few words before a figure: the figure is a reading of a level on the day it was written. */
const CHANGE_BEFORE = /\b(?:rose|rise|rises|risen|rising|fell|fall|falls|fallen|falling|surged?|surges|climbed|climbs?|gained|gains?|dropped|drops?|jumped|jumps?|slipped|slips?|edged|grew|grows?|increased|decreased|declined|slumped|soared|tumbled|hit|hits|reached|reaches)\b[^;:]{0,30}$/i;

function movingLevel(source: SourceFigure): boolean {
  const text = source.sentence.text;
  return CHANGE_BEFORE.test(text.slice(Math.max(0, source.figure.start - 50), source.figure.start));
}

/**
 * A sentence of the document at `path` that states the draft figure's value and, beside it, another
 * figure of the draft's sentence: amounts and percentages only; counts, spans of time and years
 * recur by chance ("over 10 years … the whole $700 billion").
 */
function statedWithCompanion(index: CorpusIndex, draft: DraftFigure, path: string): SourceFigure | undefined {
  const telling = (f: Figure) => f.kind === "money" || f.kind === "percent";
  if (!telling(draft.figure) || !draft.companions.some(telling)) return undefined;
  const same = (a: Figure, b: Figure) => a.kind === b.kind && unitsMatch(a.kind, a.unit, b.unit) && a.value === b.value && a.upper === b.upper;
  for (const sentence of sentencesOf(index, path)) {
    for (const figure of sentence.figures) {
      if (!same(draft.figure, figure)) continue;
      if (!sentence.figures.some((f) => f !== figure && telling(f) && draft.companions.some((c) => same(c, f)))) continue;
      const source = sourceFigureAt(index, sentence, figure);
      if (source && speaksFor(index, draft, source)) return source;
    }
  }
  return undefined;
}

/** The sentences of one document. */
function sentencesOf(index: CorpusIndex, path: string): SourceSentence[] {
  const { from, to } = index.documentSentences(path);
  return index.sentences.slice(from, to);
}

/** A number right before the figure, joined by "to", "and", "or" or a dash, that is no figure of its own sentence. */
function endOfUnreadRange(draft: DraftFigure): boolean {
  const before = /(\p{L}+|\d[\d,.]*)\s*(?:to|and|or|-|–)\s*$/iu.exec(draft.sentence.text.slice(Math.max(0, draft.figure.start - 30), draft.figure.start));
  if (!before) return false;
  const word = before[1]!.toLowerCase();
  if (!/\d/.test(word) && !isSmallNumber(word)) return false;
  return !draft.companions.some((other) => other.end <= draft.figure.start && other.end >= draft.figure.start - before[0].length);
}

function finding(draft: DraftFigure, verdict: Finding["verdict"], message: string, sources: SourceFigure[], suggestion?: string): Finding {
  return {
    range: draft.range,
    verdict,
    message,
    claimText: draft.figure.text,
    claimKind: draft.figure.kind,
    sources: sources.map(evidenceOf),
    ...(suggestion ? { suggestion } : {}),
  };
}

/** Groups strong candidates by value and returns them best group first. */
function groupsByValue(candidates: Candidate[]): Candidate[][] {
  const groups: Candidate[][] = [];
  for (const candidate of candidates) {
    const group = groups.find((g) => valuesAgree(g[0]!.source.figure, candidate.source.figure));
    if (group) group.push(candidate);
    else groups.push([candidate]);
  }
  const weight = (g: Candidate[]) => g.reduce((sum, c) => sum + c.similarity, 0);
  return groups.sort((a, b) => weight(b) - weight(a));
}

/**
 * Source sentences the other figures of the same draft sentence were found in. A figure written
 * next to them most likely comes from there too, whatever other documents say in similar words.
 */
interface Pins {
  /** Per draft figure of this sentence: the source sentence it was found in. */
  foundFor?: Map<Figure, number>;
  /** For a second look: the source sentences the figure's neighbours in the draft were found in. */
  neighbours?: ReadonlySet<number>;
  /** Filled by each figure a source states. */
  found: Set<number>;
  /** Read by a second look at a figure the first could not decide. */
  known?: ReadonlySet<number>;
  /** Figures left undecided only because many documents word them alike: worth a second look. */
  ambiguous?: Set<DraftFigure>;
}

/** How many source sentences around a pinned one a neighbouring draft sentence may draw on. */
const PIN_REACH = 2;

function nearPin(sentence: SourceSentence, pinned: ReadonlySet<number>, index: CorpusIndex): boolean {
  for (let id = sentence.id - PIN_REACH; id <= sentence.id + PIN_REACH; id++) if (pinned.has(id) && index.sentences[id]?.path === sentence.path) return true;
  return false;
}

function checkFigure(index: CorpusIndex, draft: DraftFigure, pins?: Pins): Finding {
  const candidates = candidatesFor(index, draft, { ignoreTime: false });
  // Measured against the best figure that could be the same quantity at all: a closer-worded
  // amount a hundred times larger is something else, and must not push a matching one aside.
  const best = candidates.find((c) => plausibleRivals(draft.figure, c.source.figure))?.similarity ?? 0;
  // A source that states the same time as the draft counts even when its wording is further off.
  const sameTime = (c: Candidate) => sameStatedTime(draft.context, c.source.context);
  // Dates listed together ("in the RoK in 2025 and in Vietnam in 2027") share their words: a date
  // stated in the same sentence as the best match supports the draft as well as the best match would.
  const bestSentence = candidates[0]?.source.sentence.id;
  // So do amounts: of "over 54 million, up from 34 million a year ago" the nearer words decide which
  // figure reads as the best match, yet the sentence states the draft's value all the same.
  const listedAlike = (c: Candidate) => draft.figure.kind === "date" || (draft.figure.kind !== "rank" && c.source.figure.value === draft.figure.value && c.source.figure.value >= 1000);
  const enumerated = (c: Candidate) => listedAlike(c) && c.source.sentence.id === bestSentence;
  // The best-worded document refutes the draft's very number ("half … far from the 50 percent"):
  // the same number in a less alike document is about something else, and does not rescue it.
  const bestPath = candidates[0]?.source.sentence.path;
  const refutedWhereBest = candidates.some((c) => c.correction && c.source.sentence.path === bestPath);
  const elsewhereBelowBest = (c: Candidate) => refutedWhereBest && c.source.sentence.path !== bestPath && c.similarity < candidates[0]!.similarity;
  // A figure its source gives no time, where a closer-worded sentence of the same document gives the
  // draft's time another value ("35 percent" now, "23 percent" in 2010): it is not the draft's time's value.
  const otherTimeInDocument = (c: Candidate) =>
    draft.context.time !== undefined && c.source.context.time === undefined &&
    candidates.some((o) => o.source.sentence.path === c.source.sentence.path && sameTime(o) && o.similarity > c.similarity && !valuesAgree(draft.figure, o.source.figure));
  const agreeing = candidates
    .filter((c) => (sameTime(c) || enumerated(c) || c.similarity >= Math.max(RELATED, best * 0.6)) && valuesAgree(draft.figure, c.source.figure) && !elsewhereBelowBest(c) && !otherTimeInDocument(c))
    .sort((a, b) => Number(sameTime(b)) - Number(sameTime(a)) || b.similarity - a.similarity);
  const shown = describeFigure(draft.figure);
  const precise = agreeing.length > 0 ? preciseRival(draft, candidates, agreeing) : undefined;
  // The draft's value stated in the very source sentence its companions were found in ("from £6 to
  // £10" where £10 was found): that sentence is where the draft took it from, however it is worded.
  // Not a rank: one sentence often ranks one subject on several measures ("largest investor, …,
  // third-largest trading partner"), and a rank means only what its own noun says.
  const besideCompanion = pins?.known && draft.figure.kind !== "rank" ? (candidates.find((c) => pins.known!.has(c.source.sentence.id) && boundTakenFrom(draft.figure, c.source.figure))?.source ?? statedInPinnedSentence(index, draft, pins.known)) : undefined;
  // It outweighs a closer-worded figure held against a mere bound ("under 5%"): the bound is not where the draft's value came from.
  // Unless it is itself only a bound, that exact figure rounded ("over 800,000" of "804,000").
  const roundedBound = besideCompanion !== undefined && precise !== undefined && besideCompanion.figure.qualifier !== "exact" && roundsTo(besideCompanion.figure, precise.source.figure);
  if (precise && besideCompanion && !roundedBound) return finding(draft, "supported", `Supported by ${describeSource(besideCompanion)}`, [besideCompanion]);
  if (precise) {
    const bound = agreeing[0]!.source;
    return finding(draft, "contradicted", `Sources say ${describeSource(precise.source)}, not ${shown} (${describeSource(bound)} is only a bound)`, [precise.source, bound], precise.source.figure.text);
  }
  if (agreeing.length > 0) {
    // Found only as a goal where the draft reads an outcome (or the other way round): too weak to say where the draft took its figures from.
    if (agreeing[0]!.source.context.isTarget === draft.context.isTarget) {
      pins?.found.add(agreeing[0]!.source.sentence.id);
      pins?.foundFor?.set(draft.figure, agreeing[0]!.source.sentence.id);
    }
    const disputes = disputesOf(index, agreeing[0]!.source);
    if (disputes.length > 0) {
      const newest = newestOf(index, agreeing[0]!.source, disputes);
      if (newest?.holds === "draft") {
        const older = newest.older.map((d) => d.source).slice(0, 3);
        return finding(draft, "supported", `Supported by ${describeSource(agreeing[0]!.source)}, the newest source (${newest.date}); older sources said ${older.map(describeSource).join(", ")}`, [agreeing[0]!.source, ...older]);
      }
      if (newest?.holds === "other") {
        // Said as a disagreement, not a contradiction: a newer figure may also be about something else.
        const head = newest.newest.source;
        return finding(draft, "disputed", `Sources disagree on ${shown}: the newest source (${newest.date}) says ${describeSource(head)}; ${describeSource(agreeing[0]!.source)} is older`, [head, agreeing[0]!.source]);
      }
      const sides = [agreeing[0]!.source, ...disputes].slice(0, 4);
      return finding(draft, "disputed", `Sources disagree on ${shown}: ${sides.map(describeSource).join(" vs ")}`, sides);
    }
    const sources = agreeing.slice(0, 3).map((c) => c.source);
    return finding(draft, "supported", `Supported by ${sources.map(describeSource).join(", ")}`, sources);
  }
  if (besideCompanion) {
    // A bound beside the companions ("over 800,000") yields to a source stating the quantity exactly
    // ("804,000"), when the bound is that quantity rounded, not a threshold ("below 4 percent" of 3%).
    const held = candidates.find((c) => c.source === besideCompanion) ?? { source: besideCompanion, similarity: 0, figure: -1, raw: 0 };
    const exact = preciseRival(draft, candidates, [held]);
    if (exact && roundsTo(besideCompanion.figure, exact.source.figure)) return finding(draft, "contradicted", `Sources say ${describeSource(exact.source)}, not ${shown} (${describeSource(besideCompanion)} is only a bound)`, [exact.source, besideCompanion], exact.source.figure.text);
    return finding(draft, "supported", `Supported by ${describeSource(besideCompanion)}`, [besideCompanion]);
  }
  const pinnedRival = pins?.neighbours ? rivalInPinnedSentence(index, draft, pins.neighbours) : undefined;
  if (pinnedRival) return finding(draft, "contradicted", `Sources say ${describeSource(pinnedRival)}, not ${shown}`, [pinnedRival], pinnedRival.figure.text);
  // When the draft says when, only sources that say the same time can contradict it, or that were
  // written then and name no other time.
  const comparable = (draft.context.time ? candidates.filter((c) => sameTime(c) || c.correction || writtenThen(index, draft.context.time!, c.source)) : candidates).filter(
    (c) => (c.correction || plausibleRivals(draft.figure, c.source.figure)) && !accountedFor(draft, c.source) && datesRival(draft.figure, c) && sharesMoreThanUnit(draft, c.source),
  );
  const bestComparable = comparable[0]?.similarity ?? 0;
  const strongComparable = comparable.filter((c) => c.similarity >= bestComparable * 0.75);
  const strongGroups = groupsByValue(strongComparable);
  // Many documents giving many values for "the same" wording means the wording does not say
  // whose figure it is ("profits rose 8%"): without a subject, no contradiction can be claimed.
  const pinned = pins?.known ? strongComparable.filter((c) => c.similarity >= SAME_QUANTITY && nearPin(c.source.sentence, pins.known!, index)) : [];
  if (pinned.length > 0 && strongGroups.length >= 3) {
    // Many documents word it alike, but the draft's own sentence points at one of them.
    const head = pinned[0]!.source;
    return finding(draft, "contradicted", `Sources say ${describeSource(head)}, not ${shown}`, pinned.slice(0, 3).map((c) => c.source), head.figure.text);
  }
  const ambiguous = strongGroups.length >= 3 && new Set(strongComparable.map((c) => c.source.sentence.path)).size >= 3;
  if (ambiguous) pins?.ambiguous?.add(draft);
  if (bestComparable >= SAME_QUANTITY && !ambiguous) {
    // A source that states the draft's value among the strongest answers it: never "Sources say X, not X".
    const stating = strongComparable.filter((c) => valuesAgree(draft.figure, c.source.figure)).map((c) => c.source);
    if (stating.length > 0) return finding(draft, "supported", `Supported by ${stating.slice(0, 3).map(describeSource).join(", ")}`, stating.slice(0, 3));
    const groups = strongGroups;
    const leading = groups.slice(0, 2).map((g) => g[0]!.source);
    const sources = groups.flatMap((g) => g.map((c) => c.source)).slice(0, 5);
    const head = leading[0]!;
    return finding(draft, "contradicted", `Sources say ${leading.map(describeSource).join(" or ")}, not ${shown}`, sources, head.figure.text);
  }
  const nearest = candidates.slice(0, 2).map((c) => c.source);
  return finding(draft, "unverifiable", nearest.length ? `No source states ${shown}; nearest: ${nearest.map(describeSource).join(", ")}` : `No source states ${shown}`, nearest);
}

/**
 * The draft's value, stated in a source sentence its companions were found in, however far its
 * wording there is from the draft's: in "rose $1.64 to $47.10, while Brent gained $1.32 to
 * $44.45" the last figure's own words are only "to", so it is never found by its wording.
 */
function statedInPinnedSentence(index: CorpusIndex, draft: DraftFigure, pinned: ReadonlySet<number>): SourceFigure | undefined {
  for (const id of pinned) {
    const sentence = index.sentences[id];
    if (!sentence) continue;
    for (const figure of sentence.figures) {
      if (figure.kind !== draft.figure.kind || !unitsMatch(figure.kind, draft.figure.unit, figure.unit)) continue;
      if (figure.kind === "date" && sharedDateParts(draft.figure, figure) === 0) continue;
      if (!boundTakenFrom(draft.figure, figure)) continue;
      const source = sourceFigureAt(index, sentence, figure);
      if (source && speaksFor(index, draft, source)) return source;
    }
  }
  return undefined;
}

/**
 * The one figure of a source sentence the draft's companions were found in that the draft leaves
 * unwritten, of the same kind and unit as the draft's figure and another value: "lasted 13 weeks;
 * stretched to 28 weeks" against "from 13 weeks to 26 weeks", where 13 was found. That sentence is
 * where the draft took the figure from, so its value is what the draft is held to. Two or more
 * such figures, or one the draft writes elsewhere, leave it open.
 */
function rivalInPinnedSentence(index: CorpusIndex, draft: DraftFigure, pinned: ReadonlySet<number>): SourceFigure | undefined {
  if (draft.figure.kind === "rank" || draft.figure.kind === "date") return undefined;
  const written = (figure: Figure) => draft.companions.some((other) => other.kind === figure.kind && valuesAgree(other, figure));
  let rival: SourceFigure | undefined;
  for (const id of pinned) {
    const sentence = index.sentences[id];
    if (!sentence) continue;
    for (const figure of sentence.figures) {
      if (figure.kind !== draft.figure.kind || written(figure)) continue;
      // A bound or a round guess ("over £1,000", "about 9%") is a threshold or an aside, not the figure's rival.
      if (figure.qualifier !== "exact" || draft.figure.qualifier !== "exact" || valuesAgree(draft.figure, figure) || !plausibleRivals(draft.figure, figure)) continue;
      const source = sourceFigureAt(index, sentence, figure);
      if (!source || roleOf(index, source) !== "stated" || measuresConflict(draft.context, source.context)) continue;
      // The same unit, or a count whose unit the draft names elsewhere ("cases fell from 10,276 to 8,771").
      if (figure.unit !== draft.figure.unit && !countsAlike(draft, source)) continue;
      // A goal is no rival for an outcome, nor an outcome for a goal.
      if (source.context.isTarget !== draft.context.isTarget) continue;
      if (rival && !valuesAgree(rival.figure, figure)) return undefined;
      rival ??= source;
    }
  }
  return rival;
}

/**
 * Whether a source count shares a word with the draft's beyond the noun they both count: two
 * numbers of "households" say nothing about each other until something else ties them ("rent",
 * "overdraft"), so the noun alone cannot make one a rival of the other.
 */
function sharesMoreThanUnit(draft: DraftFigure, source: SourceFigure): boolean {
  if (draft.figure.kind !== "count" || draft.figure.unit === "") return true;
  const unitTerms = new Set(draft.figure.unit.split(/\s+/).map((word) => termOf(word)));
  for (const term of draft.context.terms.keys()) if (!unitTerms.has(term) && source.context.terms.has(term)) return true;
  return false;
}

/**
 * A source figure another figure of the draft's sentence states ("GDP fell 0.1%, an annualised
 * 0.5%"): the draft has written that one already, so it is not a rival value for this one.
 */
function accountedFor(draft: DraftFigure, source: SourceFigure): boolean {
  // The very value, not one within rounding or a hedge of it: "$53.09" does not account for "$53.03".
  // A bare count ("50", "3") recurs by chance; an amount or a percentage names its quantity.
  const stated = source.figure;
  // Its very words in the draft ("a quarter" point, the "101" of "TFC 101 Tower"), however the draft was read.
  if (writtenIn(draft.sentence.text, stated.text)) return true;
  if (stated.kind !== "money" && stated.kind !== "percent") return false;
  return draft.companions.some((other) => other.kind === stated.kind && unitsMatch(other.kind, other.unit, stated.unit) && other.value === stated.value && other.upper === stated.upper);
}

/**
 * Whether a source figure's very words are in the draft sentence ("by a quarter point" holds the
 * source's "a quarter" of a point), even where the draft's reading found no figure there.
 * Bounded by a non-word on both sides, and not part of a longer number ("101" is not in "1,101").
 */
function writtenIn(sentence: string, figureText: string): boolean {
  // Words, or a number of three digits or more: a short bare number recurs by chance.
  if (!/\p{L}/u.test(figureText) && !/\d{3}/.test(figureText)) return false;
  const at = fold(sentence).indexOf(fold(figureText));
  if (at < 0) return false;
  const before = sentence.slice(Math.max(0, at - 2), at);
  const after = sentence.slice(at + figureText.length, at + figureText.length + 2);
  return !/[\p{L}\p{N}]$|\d[.,]$/u.test(before) && !/^[\p{L}\p{N}]|^[.,]\d/u.test(after);
}

/**
 * Whether a companion's source sentence can be where the draft took this figure from: its value
 * agrees, and a draft bound is that figure rounded ("more than $2 billion" of $2.4 billion), not a
 * threshold any larger figure of the sentence passes ("more than $4.2 billion" of $5.7 billion).
 */
function boundTakenFrom(draft: Figure, source: Figure): boolean {
  if (!valuesAgree(draft, source)) return false;
  const bound = draft.qualifier === "more-than" || draft.qualifier === "at-least" || draft.qualifier === "less-than" || draft.qualifier === "at-most";
  return !bound || draft.kind === "date" || draft.kind === "rank" || roundsTo(draft, source);
}

/** Whether a bound or hedge is an exact figure rounded ("over 800,000" of 804,000): within a tenth of it. */
function roundsTo(bound: Figure, exact: Figure): boolean {
  return exact.value !== 0 && Math.abs(bound.value - exact.value) <= Math.abs(exact.value) * 0.1;
}

/**
 * An exact draft figure that only hedged or bounded sources agree with ("over 800,000"), while a
 * source at least as close in wording states the quantity exactly and otherwise ("804,000"): the
 * exact statement holds, and the draft's figure is a slip ("840,000").
 */
function preciseRival(draft: DraftFigure, candidates: readonly Candidate[], agreeing: readonly Candidate[]): Candidate | undefined {
  // Words ("six months") are round by nature; only a figure written in digits can be a slip of digits.
  if (draft.figure.qualifier !== "exact" || draft.figure.kind === "date" || draft.figure.kind === "rank" || !/\d/.test(draft.figure.text)) return undefined;
  if (agreeing.some((c) => c.source.figure.qualifier === "exact")) return undefined;
  const closest = Math.max(...agreeing.map((c) => c.similarity));
  return candidates.find(
    (c) =>
      c.source.figure.qualifier === "exact" &&
      c.similarity >= closest &&
      !valuesAgree(draft.figure, c.source.figure) &&
      plausibleRivals(draft.figure, c.source.figure) &&
      (!draft.context.time || sameStatedTime(draft.context, c.source.context)),
  );
}

/**
 * A source figure that states no time, in a document written during the years the draft names or
 * in the first quarter after them (a January release on "the past year"): it speaks of that time.
 */
function writtenThen(index: CorpusIndex, time: NonNullable<FigureContext["time"]>, source: SourceFigure): boolean {
  if (source.context.time || source.context.isTarget) return false;
  const written = index.documents[index.documentOf(source)]?.date;
  if (!written?.year) return false;
  return (written.year >= time.from && written.year <= time.to) || (written.year === time.to + 1 && (written.month ?? 12) <= 3);
}

/** A year that times another figure ("$150 billion by 2040"): is it the year the sources give for that figure? */
function checkTimeQualifier(index: CorpusIndex, year: DraftFigure, timed: DraftFigure): Finding | undefined {
  const candidates = candidatesFor(index, timed, { ignoreTime: true }).filter(
    (c) => c.source.context.time && valuesAgree(timed.figure, c.source.figure),
  );
  if (candidates.length === 0) return undefined;
  const best = candidates[0]!.similarity;
  const strong = candidates.filter((c) => c.similarity >= best * 0.6);
  const sameTime = strong.filter((c) => valuesAgree(year.figure, c.source.context.time!.figure));
  if (sameTime.length > 0) {
    const sources = sameTime.slice(0, 3).map((c) => c.source);
    return finding(year, "supported", `Supported by ${sources.map(describeSource).join(", ")}`, sources);
  }
  if (best < SAME_QUANTITY) return undefined;
  // The source sentence states the draft's year as well ("163 MPs, two fewer than in 1997 and the
  // worst since 1906"): which figure that year times is a matter of reading, not a wrong year.
  if (strong.some((c) => c.source.sentence.figures.some((f) => f.kind === "date" && sharedDateParts(year.figure, f) > 0 && valuesAgree(year.figure, f)))) return undefined;
  const times = strong.map((c) => ({ sentence: c.source.sentence, context: c.source.context, figure: c.source.context.time!.figure }));
  const head = times[0]!;
  const preposition = head.figure.preposition ? `${head.figure.preposition} ` : "";
  const message = `Sources give ${describeFigure(timed.figure)} ${preposition}${head.figure.text} (${locationOf(head)}), not ${year.figure.text}`;
  return finding(year, "contradicted", message, times.slice(0, 3), head.figure.text);
}

/**
 * A date the draft gives to the month ("May 2016") is contradicted by a source date as fine ("May
 * 2021"), not by a bare year of another sentence ("starting in 2025"): years recur in every kind of
 * sentence, and a month pins the event.
 */
function datesRival(draft: Figure, candidate: Candidate): boolean {
  if (draft.kind !== "date") return true;
  const stated = Number(draft.date?.year !== undefined) + Number(draft.date?.month !== undefined) + Number(draft.date?.day !== undefined);
  return sharedDateParts(draft, candidate.source.figure) >= Math.min(2, stated);
}

/** A year a source sentence worded this much like the draft's gives is the one the draft means. */
const SAME_EVENT = 0.45;

/**
 * A year that times a figure no source dates, checked as a date of its own. Years recur in every
 * kind of sentence ("since 2021", "in 2023"): only a source sentence worded much like the draft's
 * can say the year is wrong; a looser likeness leaves it unverifiable.
 */
function checkYearAlone(index: CorpusIndex, year: DraftFigure, timed: DraftFigure, pins: Pins): Finding {
  const verdict = checkFigure(index, year, pins);
  if (verdict.verdict !== "contradicted") return verdict;
  const candidates = candidatesFor(index, year, { ignoreTime: false });
  const best = candidates[0]?.similarity ?? 0;
  if (best >= SAME_EVENT) return verdict;
  // Another year given in a sentence that states the very figure the draft's year times ("sales in
  // Asia to 150,000 by 2008" for "150,000 cars a year by 2010"): the same goal, dated otherwise.
  const statesTimed = (sentence: SourceSentence) => sentence.figures.some((f) => f.kind === timed.figure.kind && f.qualifier === "exact" && f.value === timed.figure.value && f.upper === timed.figure.upper);
  if (candidates.some((c) => !valuesAgree(year.figure, c.source.figure) && statesTimed(c.source.sentence))) return verdict;
  return finding(year, "unverifiable", `No source gives ${describeFigure(year.figure)} as the time of this`, []);
}

function isIgnored(text: string, sentence: string, ignore: readonly string[]): boolean {
  if (ignore.length === 0) return false;
  const foldedFigure = fold(text);
  const foldedSentence = fold(sentence);
  return ignore.some((entry) => {
    const folded = fold(entry);
    return folded.length > 0 && (folded === foldedFigure || foldedSentence.includes(folded));
  });
}

/** Figures and names of one draft sentence, with their positions in the draft. */
export function analyzeSentence(index: CorpusIndex, sentence: DraftSentence, starts: readonly number[]): { figures: DraftFigure[]; names: NameMention[] } {
  const figures = extractFigures(sentence.text);
  const names = findNames(sentence.text, index.names);
  const extra = entityTerms({ names });
  const toRange = (start: number, end: number): Range => ({
    start: positionAt(starts, sentence.offset + start),
    end: positionAt(starts, sentence.offset + end),
  });
  return {
    figures: figures.map((figure) => ({
      figure,
      sentence,
      names,
      context: withCarried(contextOf(figure, sentence.text, figures, extra), sentence.carried),
      range: toRange(figure.start, figure.end),
      role: localRole(figure, sentence.text, figures),
      companions: figures.filter((other) => other !== figure),
    })),
    names,
  };
}

/** Checks one sentence: every figure, every year that times a figure, every titled name. */
export function checkSentence(index: CorpusIndex, sentence: DraftSentence, starts: readonly number[], options: CheckOptions = {}, paragraphPins?: Set<number>): Finding[] {
  const { figures, names } = analyzeSentence(index, sentence, starts);
  const findings: Finding[] = [];
  const ignore = options.ignore ?? [];
  // Pins gathered over the paragraph so far: a sentence often goes on from where the last one was found.
  const pins: Pins = { found: paragraphPins ?? new Set(), ambiguous: new Set(), foundFor: new Map() };
  // The source sentences the nearest found figures before and after a figure were found in.
  const neighbours = (draft: DraftFigure): Set<number> => {
    const at = figures.indexOf(draft);
    const found = (f: DraftFigure) => pins.foundFor!.has(f.figure);
    const before = figures.slice(0, at).reverse().find(found);
    const after = figures.slice(at + 1).find(found);
    return new Set([before, after].flatMap((f) => (f ? [pins.foundFor!.get(f.figure)!] : [])));
  };
  const undecided: Array<{ at: number; draft: DraftFigure }> = [];
  const unfound: Array<{ at: number; draft: DraftFigure }> = [];
  for (const draft of figures) {
    if (isIgnored(draft.figure.text, sentence.text, ignore)) continue;
    const timed = draft.figure.kind === "date" ? figures.find((f) => f.context.time?.figure === draft.figure) : undefined;
    if (timed) {
      // When no source gives the timed figure a time, the year may still be a fact of its own
      // ("opened in 1910 and carries 200,000 trips"): it is checked as a date.
      const verdict = checkTimeQualifier(index, draft, timed);
      if (verdict) {
        findings.push(verdict);
        continue;
      }
    }
    // A year the sources contradict outright while they state the figure it times, untimed ("makes 200
    // million phones a year; Being Digital came out in 1997"), is held to them as any date is.
    const ownFact = timed !== undefined && checkFigure(index, timed).verdict === "supported" && checkFigure(index, draft).verdict === "contradicted";
    const verdict = timed && !ownFact ? checkYearAlone(index, draft, timed, pins) : checkFigure(index, draft, pins);
    // Contradicted too: a companion found later may pin the source sentence that states it.
    if (pins.ambiguous!.has(draft) || verdict.verdict === "contradicted") undecided.push({ at: findings.length, draft });
    // Its own words may be too few to find it by ("to $44.45"): its neighbours' source sentence may state it.
    else if (verdict.verdict === "unverifiable" && draft.figure.kind !== "rank") unfound.push({ at: findings.length, draft });
    findings.push(verdict);
  }
  // A second look, with the source sentences its neighbours were found in.
  if (pins.found.size > 0) for (const { at, draft } of undecided) findings[at] = checkFigure(index, draft, { found: new Set(), known: pins.found, neighbours: neighbours(draft) });
  for (const { at, draft } of pins.found.size > 0 ? unfound : []) {
    const stated = statedInPinnedSentence(index, draft, pins.found);
    if (stated) findings[at] = finding(draft, "supported", `Supported by ${describeSource(stated)}`, [stated]);
    const rival = stated ? undefined : rivalInPinnedSentence(index, draft, neighbours(draft));
    if (rival) findings[at] = finding(draft, "contradicted", `Sources say ${describeSource(rival)}, not ${describeFigure(draft.figure)}`, [rival], rival.figure.text);
  }
  // A figure contradicted while the very document its rival comes from states it beside another
  // figure of the draft's sentence ("banked $56.5m (£30.4m)"): that sentence is where the draft took
  // both from, however differently it words them.
  // The upper end of a range whose lower end the reading missed ("two to three times") is not the
  // figure on its own: it can agree with a source, but not be held to a single value.
  // One pass for both: each looks at one finding alone, the first before the second.
  for (let at = 0; at < findings.length; at++) {
    const draft = figures.find((f) => f.range === findings[at]!.range);
    const head = findings[at]!.verdict === "contradicted" ? findings[at]!.sources[0] : undefined;
    const together = draft && head ? statedWithCompanion(index, draft, head.path) : undefined;
    if (together) findings[at] = finding(draft!, "supported", `Supported by ${describeSource(together)}`, [together]);
    if (findings[at]!.verdict === "contradicted" && draft && endOfUnreadRange(draft)) {
      findings[at] = finding(draft, "unverifiable", `No source states ${describeFigure(draft.figure)} as the end of a range`, []);
    }
  }
  for (const name of names) {
    const verdict = checkTitle(index, name, (start, end) => ({
      start: positionAt(starts, sentence.offset + start),
      end: positionAt(starts, sentence.offset + end),
    }));
    if (verdict && !isIgnored(name.text, sentence.text, ignore)) findings.push(verdict);
  }
  return findings;
}

/** How much a subject carried from the previous sentence weighs: less than any word of the sentence's own. */
const CARRIED_WEIGHT = 0.3;

/**
 * The context with the carried subject's terms added, where the sentence does not use them itself.
 * A long list of names carried weighs no more in all than a short one: it would drown the
 * sentence's own words.
 */
function withCarried(context: FigureContext, carried: readonly string[] | undefined): FigureContext {
  if (!carried || carried.length === 0) return context;
  const terms = new Map(context.terms);
  const weight = CARRIED_WEIGHT / Math.sqrt(carried.length);
  for (const term of carried) if (!terms.has(term)) terms.set(term, weight);
  return { ...context, terms };
}

/**
 * The terms of the capitalised words a sentence names, after its first word: the subject a next
 * sentence that names none ("The whole project is costed at …") goes on speaking of.
 */
export function subjectToCarry(text: string): string[] {
  return wordTokens(text).filter((t, i) => i > 0 && t.capitalized && t.term !== undefined && !isCalendarWord(t.word)).map((t) => t.term!);
}

/** The paragraph's sentences, each that names no subject of its own given the previous sentence's. */
export function withCarriedSubjects(sentences: readonly DraftSentence[]): DraftSentence[] {
  let previous: string[] = [];
  return sentences.map((sentence) => {
    const own = subjectToCarry(sentence.text);
    const carried = own.length === 0 && previous.length > 0 ? { ...sentence, carried: previous } : sentence;
    previous = own;
    return carried;
  });
}

/** Checks a whole draft. Ranges are zero-based lines and UTF-16 characters of `text`. */
export function checkDocument(index: CorpusIndex, text: string, options: CheckOptions = {}): Finding[] {
  const { paragraphs, starts } = readDraft(text);
  const findings: Finding[] = [];
  for (const paragraph of paragraphs) {
    throwIfCancelled(options.token);
    const pins = new Set<number>();
    for (const sentence of withCarriedSubjects(paragraph.sentences)) findings.push(...checkSentence(index, sentence, starts, options, pins));
  }
  return findings;
}

/** Checks one paragraph of a draft whose first line is `firstLine`, for incremental re-checking. */
export function checkParagraph(index: CorpusIndex, paragraph: string, firstLine: number, options: CheckOptions = {}): Finding[] {
  return checkDocument(index, paragraph, options).map((f) => ({
    ...f,
    range: {
      start: { line: f.range.start.line + firstLine, character: f.range.start.character },
      end: { line: f.range.end.line + firstLine, character: f.range.end.character },
    },
  }));
}

/** Names in a draft with their ranges, for hover (names only: figures and their contexts cost more). */
export function draftNames(index: CorpusIndex, text: string): Array<{ name: NameMention; range: Range }> {
  const { paragraphs, starts } = readDraft(text);
  const names: Array<{ name: NameMention; range: Range }> = [];
  for (const paragraph of paragraphs) {
    for (const sentence of paragraph.sentences) {
      for (const name of findNames(sentence.text, index.names)) {
        names.push({ name, range: { start: positionAt(starts, sentence.offset + name.start), end: positionAt(starts, sentence.offset + name.end) } });
      }
    }
  }
  return names;
}

export interface Disagreement {
  /** One line: "$100 billion by 2025 (003:14) vs 100 billion USD by 2023 (002:42)". */
  description: string;
  sides: Evidence[];
}

/** Quantities the sources disagree on, for the fact sheet. Capped: pairwise work on huge corpora. */
export function sourceDisagreements(index: CorpusIndex, limit = 50): Disagreement[] {
  const seen = new Set<string>();
  const found: Disagreement[] = [];
  const describe = (s: SourceFigure) => {
    const time = describeTime(s.context.time);
    return `${describeFigure(s.figure)}${time ? ` ${time}` : ""} (${locationOf(s)})`;
  };
  for (const source of index.sourceFigures.slice(0, 20_000)) {
    if (found.length >= limit) break;
    if (source.figure.kind === "date") continue;
    for (const other of disputesOf(index, source)) {
      const key = [source, other].map((s) => `${s.sentence.path}:${s.sentence.id}:${s.figure.start}`).sort().join("|");
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ description: `${describe(source)} vs ${describe(other)}`, sides: [evidenceOf(source), evidenceOf(other)] });
    }
  }
  return found;
}
