// What a figure is about: the words around it weighted by closeness, the time it
// refers to, whether it is a target, and which measure it is. The checker compares
// these between a draft figure and source figures.
import type { Figure } from "../types.js";
import { namesMeasure, wordTokens, type WordToken } from "./terms.js";

export interface TimeQualifier {
  /** First and last year the figure refers to. */
  from: number;
  to: number;
  preposition?: string;
  /** The date figure that states it. */
  figure: Figure;
}

/** A word after one of these is a verb, not the measure it is spelt like: "they were spending less time". */
const AUXILIARY = /^(?:am|is|are|was|were|be|been|being)$/;

/** Punctuation or a conjunction between two words: they belong to different clauses. */
export const CLAUSE_BREAK = /[,;:()\u2013\u2014]|\b(and|but|while|whereas|or)\b/i;
/** CLAUSE_BREAK searching on from its lastIndex; one object, set before each use (it is never used across calls). */
const CLAUSE_BREAK_FROM = new RegExp(CLAUSE_BREAK.source, "gi");

/**
 * Where the item of a list run together with semicolons that holds offset `at` starts ("$5 million
 * for the airport; $2 million for the port"): a name in another item is not the figure's subject.
 */
export function listItemStart(sentence: string, at: number): number {
  return sentence.lastIndexOf(";", at - 1) + 1;
}

/** The time a figure refers to, as a reader would say it: "by 2030", "in 2023". */
export function describeTime(time: TimeQualifier | undefined): string | undefined {
  return time ? `${time.preposition ? time.preposition + " " : ""}${time.figure.text}` : undefined;
}

export interface FigureContext {
  /** term -> weight (closeness only; the index multiplies by rarity). */
  terms: Map<string, number>;
  /** Measure words close to the figure ("surplus", "imports"). */
  measures: Set<string>;
  /** Every term of the whole sentence, to test whether a measure word appears anywhere. */
  sentenceTerms: Set<string>;
  time?: TimeQualifier;
  /** "by 2030", "target of", "aims for": a goal, not an outcome. */
  isTarget: boolean;
  /** Capitalised words near the figure (folded), to spot subjects the sources never mention. */
  capitalizedWords: readonly string[];
  /** The capitalised first word of the sentence, judged separately: it may be a name or just a capital. */
  initialWord?: string;
}

const TARGET_TERMS = new Set(["target"]);
// Words that make a figure an intention rather than an outcome: "aims for", "plans", "wants", "expects".
// Not "pledged": an amount pledged is a commitment made, which sources count as "committed" or "commitments".
const TARGET_VERBS = /\b(aim|aims|aimed|aiming|target|targets|targeted|goal|goals|objective|objectives|plan|plans|planned|planning|want|wants|wanted|expect|expects|expected|seek|seeks|hope|hopes|intend|intends|to reach|to raise|to achieve|to hit)\b/i;
/** TARGET_VERBS searching on from its lastIndex; set before each use. */
const TARGET_VERBS_FROM = new RegExp(TARGET_VERBS.source, "gi");

/** First index in [0, length) for which `test` holds, `length` if none; `test` must be false then true. */
function lowerBound(length: number, test: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Tokens with the running maximum of their ends. Starts never decrease (a hyphenated word's parts
 * follow it inside its span) but ends do, so "the nearest token" and "inside a token" are answered
 * by binary search over starts and these maxima instead of a scan per question.
 */
interface TokenSpans {
  tokens: readonly { start: number; end: number }[];
  maxEnd: number[];
}

function tokenSpans(tokens: readonly { start: number; end: number }[]): TokenSpans {
  const maxEnd: number[] = [];
  let max = -Infinity;
  for (const token of tokens) maxEnd.push((max = Math.max(max, token.end)));
  return { tokens, maxEnd };
}

/** The token nearest to `figure` (the first of equals), as a scan of every token would choose it. */
function figureTokenIndex({ tokens, maxEnd }: TokenSpans, figure: { start: number; end: number }): number {
  if (tokens.length === 0) return 0;
  // Tokens from `after` on start at or after the figure's end; the first of them is the nearest.
  const after = lowerBound(tokens.length, (i) => tokens[i]!.start >= figure.end);
  // Before it, the first token ending inside or after the figure's start overlaps it (distance 0).
  const overlapping = lowerBound(after, (i) => maxEnd[i]! > figure.start);
  if (overlapping < after) return overlapping;
  if (after === 0) return 0;
  const closestEnd = maxEnd[after - 1]!;
  const before = lowerBound(after, (i) => maxEnd[i]! >= closestEnd);
  if (after === tokens.length || figure.start - closestEnd <= tokens[after]!.start - figure.end) return before;
  return after;
}

/** Whether [start, end) lies inside one of `spans` (sorted by start), with their running maximum end. */
function insideAny(spans: TokenSpans, start: number, end: number): boolean {
  const last = lowerBound(spans.tokens.length, (i) => spans.tokens[i]!.start > start) - 1;
  return last >= 0 && spans.maxEnd[last]! >= end;
}

function yearsOf(figure: Figure): { from: number; to: number } | undefined {
  if (figure.kind !== "date") return undefined;
  const from = Math.floor(figure.value / 10000);
  if (!from) return undefined;
  const to = figure.upper ? Math.floor(figure.upper / 10000) : from;
  return { from, to: to || from };
}

/** A count written in words ("two countries", "five aspects"). */
export function isWordCount(figure: Figure): boolean {
  return figure.kind === "count" && !/\d/.test(figure.text);
}

/** A sentence's figures sorted for binary search: amounts (money, percent) and years. */
interface SentenceFigures {
  inOrder: Figure[];
  spans: TokenSpans;
  /** Each kind's figures in order, and where each figure stands in its kind's list. */
  byKind: Map<string, Figure[]>;
  placeInKind: Map<Figure, number>;
  nonDates: Figure[];
  quantities: Figure[];
  amounts: Figure[];
  years: Array<{ figure: Figure; from: number; to: number }>;
  yearFigures: Figure[];
  longestYear: number;
  longestQuantity: number;
  /** timeOf of each figure asked about: a figure's context asks for its neighbours' too. */
  times: Map<Figure, TimeQualifier | undefined>;
  /** The sentence's text, once a context has been asked for (where clauses end). */
  text?: string;
}

const sortedBySentence = new WeakMap<readonly Figure[], SentenceFigures>();

function sentenceFiguresOf(sentenceFigures: readonly Figure[]): SentenceFigures {
  let sorted = sortedBySentence.get(sentenceFigures);
  if (sorted) return sorted;
  const inOrder = [...sentenceFigures].sort((a, b) => a.start - b.start);
  const quantities = inOrder.filter((f) => f.kind !== "date" && !isWordCount(f));
  const years = inOrder.flatMap((figure) => {
    const years = yearsOf(figure);
    return years ? [{ figure, ...years }] : [];
  });
  const byKind = new Map<string, Figure[]>();
  const placeInKind = new Map<Figure, number>();
  for (const f of inOrder) {
    const list = byKind.get(f.kind) ?? [];
    if (list.length === 0) byKind.set(f.kind, list);
    placeInKind.set(f, list.push(f) - 1);
  }
  sorted = {
    inOrder,
    spans: tokenSpans(inOrder),
    byKind,
    placeInKind,
    nonDates: inOrder.filter((f) => f.kind !== "date"),
    quantities,
    amounts: quantities.filter((f) => f.kind === "money" || f.kind === "percent"),
    years,
    yearFigures: years.map((y) => y.figure),
    longestYear: years.reduce((longest, y) => Math.max(longest, y.figure.end - y.figure.start), 0),
    longestQuantity: quantities.reduce((longest, q) => Math.max(longest, q.end - q.start), 0),
    times: new Map(),
  };
  sortedBySentence.set(sentenceFigures, sorted);
  return sorted;
}

/** Where one clause ends and another, with its own subject and time, begins. */
const CLAUSE_END = /;|,\s*(?:and|but|while|whereas|although|though|as well as|plus)\s|\.\s|\u2014|\s\u2013\s/i;

/** How far into a sentence a year may stand and still open it ("By the end of 2030, …"). */
const OPENING = 24;

/** Farthest a year may stand from the figure it times, in characters. */
const YEAR_REACH = 120;

/**
 * The year a non-date figure refers to. Each year in a sentence belongs to one figure: the
 * nearest amount (money, percent) before lesser figures (counts, ranks), after it preferred,
 * and not across another amount. Only figures within reach are looked at (binary search on
 * sorted figures), so a sentence of thousands of figures costs no more per figure than a short one.
 */
export function timeOf(figure: Figure, sentenceFigures: readonly Figure[], sentence?: string): TimeQualifier | undefined {
  const sorted = sentenceFiguresOf(sentenceFigures);
  if (sentence !== undefined && sorted.text === undefined) sorted.text = sentence;
  const { times } = sorted;
  if (!times.has(figure)) times.set(figure, findTime(figure, sentenceFigures));
  return times.get(figure);
}

function findTime(figure: Figure, sentenceFigures: readonly Figure[]): TimeQualifier | undefined {
  if (figure.kind === "date") return undefined;
  // "the two countries ... in 1995": a count written in words is an idiom, not what a year dates.
  if (isWordCount(figure)) return undefined;
  const { quantities, amounts, years, yearFigures, longestYear, longestQuantity, text } = sentenceFiguresOf(sentenceFigures);
  // "held 40 years ago": counted back from when it was written, not dated by a year of the sentence.
  if (text !== undefined && /^\s+ago\b/i.test(text.slice(figure.end, figure.end + 8))) return undefined;
  // An amount lying wholly in [lo, hi]: amounts do not overlap, so the first starting at lo ends first.
  const between = (lo: number, hi: number, owner: Figure) => {
    const first = lowerBound(amounts.length, (i) => amounts[i]!.start >= lo);
    for (let i = first; i < amounts.length && amounts[i]!.end <= hi; i++) if (amounts[i] !== owner) return true;
    return false;
  };
  // "$100 billion by 2025 and $150 billion by 2030": a figure with a year right after it takes that one.
  // An amount between the figure and its next year also stands between it and every later year.
  const hasYearAfter = (owner: Figure) => {
    const next = years[lowerBound(years.length, (i) => years[i]!.figure.start >= owner.end)]?.figure;
    return next !== undefined && next.start - owner.end <= 60 && !between(owner.end, next.start, owner);
  };
  const cost = (owner: Figure, year: Figure): number => {
    const after = year.start >= owner.end;
    const [lo, hi] = after ? [owner.end, year.start] : [year.end, owner.start];
    if (hi - lo > YEAR_REACH || between(lo, hi, owner)) return Infinity;
    // "32 trains an hour, and salt water from the storm in 2012": a year in another clause dates what that clause says.
    if (text !== undefined && CLAUSE_END.test(text.slice(lo, hi))) return Infinity;
    if (!after && hasYearAfter(owner)) return Infinity;
    return (hi - lo) * (after ? 1 : 2) * (owner.kind === "money" || owner.kind === "percent" ? 1 : 10);
  };
  /** Indexes [from, to) of the sorted `list` that can lie within reach of [start, end]. */
  const near = (list: readonly { start: number }[], start: number, end: number, longest: number) => [
    lowerBound(list.length, (i) => list[i]!.start >= start - YEAR_REACH - longest),
    lowerBound(list.length, (i) => list[i]!.start > end + YEAR_REACH),
  ];
  let best: { qualifier: TimeQualifier; cost: number } | undefined;
  const [firstYear, endYear] = near(yearFigures, figure.start, figure.end, longestYear);
  for (let y = firstYear!; y < endYear!; y++) {
    const { figure: year, from, to } = years[y]!;
    const mine = cost(figure, year);
    if (!Number.isFinite(mine)) continue;
    // Another figure has a better claim on this year.
    const [firstRival, endRival] = near(quantities, year.start, year.end, longestQuantity);
    let claimed = false;
    for (let q = firstRival!; q < endRival! && !claimed; q++) claimed = quantities[q] !== figure && cost(quantities[q]!, year) < mine;
    if (claimed) continue;
    if (!best || mine < best.cost) best = { qualifier: { from, to, preposition: year.preposition, figure: year }, cost: mine };
  }
  return best?.qualifier ?? openingYear(figure, years, text);
}

/**
 * A year that opens the sentence ("By 2030, investment in these sectors could create 90 million
 * jobs") dates the figures of its first clause however far they stand, when no nearer year does.
 */
function openingYear(figure: Figure, years: SentenceFigures["years"], text: string | undefined): TimeQualifier | undefined {
  const first = years[0];
  if (!first || text === undefined || first.figure.start > OPENING || first.figure.end > figure.start) return undefined;
  if (!/^\s*,/.test(text.slice(first.figure.end)) || CLAUSE_END.test(text.slice(first.figure.end, figure.start))) return undefined;
  // Only the sentence's one year: with several, each is read as dating its own figures.
  if (years.length > 1) return undefined;
  return { from: first.from, to: first.to, preposition: first.figure.preposition, figure: first.figure };
}

/**
 * Builds the context of `figure` within `sentence` (offsets of figures are relative to the sentence).
 * `extraTerms` lets callers add entity keys found in the sentence.
 */
export function contextOf(
  figure: Figure,
  sentence: string,
  sentenceFigures: readonly Figure[],
  extraTerms: ReadonlyArray<{ term: string; start: number; end?: number }> = [],
  sentenceTokens?: readonly WordToken[],
): FigureContext {
  // Times are read with the sentence's clauses in view, whichever figure asks first.
  const sorted = sentenceFiguresOf(sentenceFigures);
  if (sorted.text === undefined) sorted.text = sentence;
  const tokens = sentenceTokens ?? tokensOf(sentence);
  const words = sentenceWords(tokens, sentenceFigures, extraTerms);
  const { spans, sentenceTerms } = words;
  const own = figureTokenIndex(spans, figure);
  const { left, right } = neighbourTokens(spans, figure, sentenceFigures, own);
  const terms = new Map<string, number>();
  const measures = new Set<string>();
  const capitalizedWords: string[] = [];
  let initialWord: string | undefined;
  const clauseStart = listItemStart(sentence, figure.start);

  // Whether a clause break stands between token `from` and a later token: the first break after
  // `from` is found once, so each question is a comparison instead of a scan of the words between.
  const breakAfter = (from: number | undefined): number => {
    if (from === undefined || tokens.length === 0) return Infinity;
    const clauseBreak = CLAUSE_BREAK_FROM;
    clauseBreak.lastIndex = tokens[from]!.end;
    const found = clauseBreak.exec(sentence);
    return found ? found.index + found[0].length : Infinity;
  };
  const breakAfterOwn = breakAfter(own);
  const breakAfterLeft = breakAfter(left);
  const separated = (from: number, breakEnd: number, to: number): boolean => to > from && breakEnd <= tokens[to]!.start;
  /**
   * A word between this figure and another of the same kind belongs to the one on its side of a
   * clause break ("in 2025 and Vietnam in 2027": "Vietnam" is 2027's); with no break, to the left one.
   */
  const isOthers = (index: number): boolean => {
    if ((left === undefined && right === undefined) || index === own) return false;
    if (index > own) {
      if (right === undefined || index > right) return right !== undefined;
      return separated(own, breakAfterOwn, index);
    }
    if (left === undefined || index < left) return left !== undefined;
    return !separated(left, breakAfterLeft, index);
  };
  const acrossClause = (index: number): boolean => (index > own ? separated(own, breakAfterOwn, index) : index < own && separated(index, breakAfter(index), own));
  const weightAt = (index: number): number => {
    const distance = Math.abs(index - own);
    const weight = 1 / (1 + distance / 4);
    return isOthers(index) ? weight * 0.3 : weight;
  };

  // A sentence crowded with figures (a table run together, a line of one token repeated) weighs only
  // the words near each figure, so its cost grows with its length, not with the length squared.
  const crowded = sentenceFigures.length > CROWDED;
  const from = crowded ? Math.max(0, own - CROWDED_REACH) : 0;
  const to = crowded ? Math.min(tokens.length, own + CROWDED_REACH + 1) : tokens.length;
  for (let index = from; index < to; index++) {
    const token = tokens[index]!;
    if (!words.counted[index]) continue;
    const weight = weightAt(index);
    terms.set(token.term!, Math.max(terms.get(token.term!) ?? 0, weight));
    // A measure word in another clause measures something else ("fallen by two thirds, real wages are higher").
    if (namesMeasure(token.word, token.term) && weight >= 0.5 && !AUXILIARY.test(tokens[index - 1]?.word ?? "") && !acrossClause(index)) measures.add(token.term!);
    // Any capitalised word of the sentence names part of its subject, near the figure or not.
    // A capitalised word names the figure's subject when it comes before the figure, or after it
    // in the same clause; after a comma ("…, more than Japan's") it is only a comparison.
    if (token.capitalized && index > 0 && (index < own ? token.start >= clauseStart : !separated(own, breakAfterOwn, index))) capitalizedWords.push(capitalHead(token, sentence));
  }
  if (tokens[0]?.capitalized && words.counted[0] && clauseStart === 0) initialWord = capitalHead(tokens[0], sentence);
  for (const extra of extraTerms) {
    const index = figureTokenIndex(spans, { start: extra.start, end: extra.start + 1 });
    if (index < from || index >= to) continue;
    const weight = weightAt(index);
    terms.set(extra.term, Math.max(terms.get(extra.term) ?? 0, weight));
  }
  const time = timeOf(figure, sentenceFigures, sentence);
  // A date is a goal only as a deadline ("by 2030"): "the hearing planned for July 26" is when it happens.
  const isTarget =
    time?.preposition === "by" ||
    (figure.kind === "date" ? figure.preposition === "by" : targetWordNear(figure, sentence, sentenceFigures) || [...terms.entries()].some(([t, w]) => TARGET_TERMS.has(t) && w >= 0.5));
  return { terms, measures, sentenceTerms, time, isTarget, capitalizedWords, ...(initialWord ? { initialWord } : {}) };
}

/**
 * The capitalised part of a compound that names a subject: "SBA-backed" and "Texas-based" name the
 * SBA and Texas; "Indo-Pacific", capitalised after its hyphen too, is one name.
 */
function capitalHead(token: WordToken, sentence: string): string {
  const hyphen = token.word.indexOf("-");
  if (hyphen <= 0) return token.word;
  const after = sentence[token.start + hyphen + 1] ?? "";
  return after.toLowerCase() === after && after.toUpperCase() !== after ? token.word.slice(0, hyphen) : token.word;
}

/**
 * A word of intention in the figure's own stretch of the sentence. Not one inside a name ("the
 * Thrifty Food Plan"), and not one after the figure that leads on, in the same clause, to the next
 * figure: in "$810 million that is expected to create 1,100 jobs" the expectation is about the jobs.
 */
/** How far after a word of intention the figure it leads on to may start, in characters. */
const LEAD_ON_REACH = 40;

/** "should employ 1,300": an expectation when "should" governs the verb right before the figure. */
const EXPECTED_JUST_BEFORE = /\bshould\s+(?:[\p{L}'’-]+\s+){1,2}$/iu;

/** "than (had been) expected", "than analysts had forecast", "as expected": the outcome measured against a forecast. */
const COMPARED_WITH_EXPECTATION = /(?:\bthan\s+(?:[\p{L}'’-]+\s+){0,3}|\bas\s+)$/iu;

/** "will increase by about 0.3 °C", "will fall to 2%": a change still to come is a forecast. */
const FORECAST_CHANGE_JUST_BEFORE = /\bwill\s+(?:[\p{L}'’-]+\s+){1,2}(?:by|to)\s+(?:(?:about|around|roughly|nearly|almost|some|just|only)\s+)?$/iu;

function targetWordNear(figure: Figure, sentence: string, sentenceFigures: readonly Figure[]): boolean {
  const justBefore = sentence.slice(Math.max(0, figure.start - 40), figure.start);
  if (EXPECTED_JUST_BEFORE.test(justBefore) || FORECAST_CHANGE_JUST_BEFORE.test(justBefore)) return true;
  const from = Math.max(stretchStart(figure, sentenceFigures), figure.start - 60);
  const stretchTo = stretchEnd(figure, sentenceFigures, sentence.length);
  const to = Math.min(stretchTo, figure.end + 40);
  const words = TARGET_VERBS_FROM;
  words.lastIndex = from;
  for (let found = words.exec(sentence); found && found.index < to; found = words.exec(sentence)) {
    if (found.index + found[0].length > to) break;
    const after = found.index + found[0].length;
    const leadsOn = stretchTo < sentence.length && stretchTo - after <= LEAD_ON_REACH && !CLAUSE_BREAK.test(sentence.slice(after, stretchTo));
    if (found.index >= figure.end && leadsOn) continue;
    // A comparison with what was expected ("more than had been expected", "as forecast") says the figure came about.
    if (COMPARED_WITH_EXPECTATION.test(sentence.slice(Math.max(0, found.index - 40), found.index))) continue;
    // A sum pledged is what was committed ("pledged £960m"), a fact about the pledge, not a goal.
    if (figure.kind === "money" && /^pledge/i.test(found[0])) continue;
    const capital = /\p{Lu}/u.test(sentence[found.index]!);
    if (capital && /[\p{L}\p{N},;]\s*$/u.test(sentence.slice(Math.max(0, found.index - 3), found.index))) continue;
    return true;
  }
  return false;
}

/** Above this many figures a sentence is crowded: each figure weighs only the words within CROWDED_REACH. */
const CROWDED = 16;
const CROWDED_REACH = 12;

/** The words of one sentence, shared by the contexts of its figures (one sentence is asked about each of them in turn). */
interface SentenceWords {
  spans: TokenSpans;
  /** Per token: a term outside every figure and every named entity, so it counts toward a context. */
  counted: boolean[];
  /** Every such term, and every entity's: the same for each figure of the sentence. */
  sentenceTerms: Set<string>;
}

let lastSentence: { sentence: string; tokens: readonly WordToken[] } | undefined;

/** Word tokens of a sentence; the checker asks for one sentence once per figure in it. */
function tokensOf(sentence: string): readonly WordToken[] {
  if (lastSentence?.sentence !== sentence) lastSentence = { sentence, tokens: wordTokens(sentence) };
  return lastSentence.tokens;
}

const wordsByTokens = new WeakMap<readonly WordToken[], { figures: readonly Figure[]; extras: readonly unknown[]; words: SentenceWords }>();

function sentenceWords(tokens: readonly WordToken[], sentenceFigures: readonly Figure[], extraTerms: ReadonlyArray<{ term: string; start: number; end?: number }>): SentenceWords {
  const cached = wordsByTokens.get(tokens);
  if (cached && cached.figures === sentenceFigures && cached.extras === extraTerms) return cached.words;
  const figureSpans = sentenceFiguresOf(sentenceFigures).spans;
  const nameSpans = tokenSpans(extraTerms.filter((e) => e.end !== undefined).map((e) => ({ start: e.start, end: e.end! })).sort((a, b) => a.start - b.start));
  const sentenceTerms = new Set<string>();
  // A named person or organisation counts once, as itself, not as each word of its name.
  const counted = tokens.map((token) => token.term !== undefined && !insideAny(figureSpans, token.start, token.end) && !insideAny(nameSpans, token.start, token.end));
  tokens.forEach((token, index) => {
    if (counted[index]) sentenceTerms.add(token.term!);
  });
  for (const extra of extraTerms) sentenceTerms.add(extra.term);
  const words = { spans: tokenSpans(tokens), counted, sentenceTerms };
  wordsByTokens.set(tokens, { figures: sentenceFigures, extras: extraTerms, words });
  return words;
}

/**
 * The nearest tokens of other figures of the same kind: only figures of the same kind compete for
 * words ("aid" describes both "second-largest" and "$4 billion"). `left` is the greatest token index
 * below `own`, `right` the least at or above it, as in a sorted list of every such figure's token.
 * A figure's nearest token never comes before an earlier figure's, so the walk stops at the first
 * figure on each side that is off `own`.
 */
function neighbourTokens(spans: TokenSpans, figure: Figure, sentenceFigures: readonly Figure[], own: number): { left?: number; right?: number } {
  const { byKind, placeInKind } = sentenceFiguresOf(sentenceFigures);
  const sameKind = byKind.get(figure.kind) ?? [];
  const at = placeInKind.get(figure) ?? -1;
  const tokenOf = (i: number) => figureTokenIndex(spans, sameKind[i]!);
  // In order of place, the figures' nearest tokens never go down: binary search finds the last one below `own`.
  const firstAtOwn = lowerBound(Math.max(at, 0), (i) => tokenOf(i) >= own);
  const left = firstAtOwn > 0 ? tokenOf(firstAtOwn - 1) : undefined;
  const right = firstAtOwn < at ? own : at + 1 < sameKind.length ? tokenOf(at + 1) : undefined;
  return { ...(left !== undefined ? { left } : {}), ...(right !== undefined ? { right } : {}) };
}

/**
 * Where the figure's own stretch of the sentence starts: target words count only there, not next to
 * another figure. A previous figure's stretch runs to the end of its own year ("$4 billion planned
 * for 2025-2030"); only figures whose year can reach past the 60-character window are timed.
 */
function stretchStart(figure: Figure, sentenceFigures: readonly Figure[]): number {
  const { nonDates, quantities, yearFigures, longestYear } = sentenceFiguresOf(sentenceFigures);
  // Figures do not overlap: in start order their ends are in order too.
  const before = lowerBound(nonDates.length, (i) => nonDates[i]!.end > figure.start);
  let start = before > 0 ? nonDates[before - 1]!.end : 0;
  const reach = figure.start - 60 - YEAR_REACH - longestYear;
  // Without a year ending before the figure, no earlier figure's year can stretch that far.
  const yearFrom = lowerBound(yearFigures.length, (i) => yearFigures[i]!.start >= reach);
  if (yearFrom >= yearFigures.length || yearFigures[yearFrom]!.end > figure.start) return start;
  for (let i = lowerBound(quantities.length, (k) => quantities[k]!.end > reach); i < quantities.length && quantities[i]!.end <= figure.start; i++) {
    const f = quantities[i]!;
    const own = timeOf(f, sentenceFigures)?.figure;
    if (own && own.start >= f.end && own.end <= figure.start) start = Math.max(start, own.end);
  }
  return start;
}

function stretchEnd(figure: Figure, sentenceFigures: readonly Figure[], sentenceLength: number): number {
  const { nonDates } = sentenceFiguresOf(sentenceFigures);
  return nonDates[lowerBound(nonDates.length, (i) => nonDates[i]!.start >= figure.end)]?.start ?? sentenceLength;
}
