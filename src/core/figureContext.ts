// What a figure is about: the words around it weighted by closeness, the time it
// refers to, whether it is a target, and which measure it is. The checker compares
// these between a draft figure and source figures.
import type { Figure } from "./types.js";
import { MEASURE_WORDS, wordTokens, type WordToken } from "./terms.js";

export interface TimeQualifier {
  /** First and last year the figure refers to. */
  from: number;
  to: number;
  preposition?: string;
  /** The date figure that states it. */
  figure: Figure;
}

/** Punctuation or a conjunction between two words: they belong to different clauses. */
export const CLAUSE_BREAK = /[,;:()]|\b(and|but|while|whereas|or)\b/i;

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
const TARGET_VERBS = /\b(aim|aims|aimed|aiming|target|targets|targeted|goal|goals|objective|objectives|plan|plans|planned|planning|want|wants|wanted|expect|expects|expected|seek|seeks|hope|hopes|intend|intends|pledge|pledges|pledged|to reach|to raise|to achieve|to hit)\b/i;

function figureTokenIndex(tokens: readonly WordToken[], figure: Figure): number {
  let best = 0;
  let bestDistance = Infinity;
  tokens.forEach((token, index) => {
    const distance = token.end <= figure.start ? figure.start - token.end : token.start >= figure.end ? token.start - figure.end : 0;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = index;
    }
  });
  return best;
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

/**
 * The year a non-date figure refers to. Each year in a sentence belongs to one figure: the
 * nearest amount (money, percent) before lesser figures (counts, ranks), after it preferred,
 * and not across another amount.
 */
export function timeOf(figure: Figure, sentenceFigures: readonly Figure[]): TimeQualifier | undefined {
  if (figure.kind === "date") return undefined;
  // "the two countries ... in 1995": a count written in words is an idiom, not what a year dates.
  const quantities = sentenceFigures.filter((f) => f.kind !== "date" && !isWordCount(f));
  if (isWordCount(figure)) return undefined;
  const between = (lo: number, hi: number, owner: Figure) =>
    quantities.some((o) => o !== owner && o.start >= lo && o.end <= hi && (o.kind === "money" || o.kind === "percent"));
  // "$100 billion by 2025 and $150 billion by 2030": a figure with a year right after it takes that one.
  const hasYearAfter = (owner: Figure) =>
    sentenceFigures.some((y) => yearsOf(y) && y.start >= owner.end && y.start - owner.end <= 60 && !between(owner.end, y.start, owner));
  const cost = (owner: Figure, year: Figure): number => {
    const after = year.start >= owner.end;
    const [lo, hi] = after ? [owner.end, year.start] : [year.end, owner.start];
    if (hi - lo > 120 || between(lo, hi, owner)) return Infinity;
    if (!after && hasYearAfter(owner)) return Infinity;
    return (hi - lo) * (after ? 1 : 2) * (owner.kind === "money" || owner.kind === "percent" ? 1 : 10);
  };
  let best: { qualifier: TimeQualifier; cost: number } | undefined;
  for (const year of sentenceFigures) {
    const years = yearsOf(year);
    if (!years) continue;
    const mine = cost(figure, year);
    if (!Number.isFinite(mine)) continue;
    // Another figure has a better claim on this year.
    if (quantities.some((o) => o !== figure && cost(o, year) < mine)) continue;
    if (!best || mine < best.cost) best = { qualifier: { ...years, preposition: year.preposition, figure: year }, cost: mine };
  }
  return best?.qualifier;
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
  const tokens = sentenceTokens ?? wordTokens(sentence);
  const own = figureTokenIndex(tokens, figure);
  // Only figures of the same kind compete for words: "aid" describes both "second-largest" and "$4 billion".
  const otherIndexes = sentenceFigures
    .filter((f) => f !== figure && f.kind === figure.kind)
    .map((f) => figureTokenIndex(tokens, f));
  const terms = new Map<string, number>();
  const measures = new Set<string>();
  const sentenceTerms = new Set<string>();
  const capitalizedWords: string[] = [];
  let initialWord: string | undefined;
  const insideFigure = (t: { start: number; end: number }) => sentenceFigures.some((f) => t.start >= f.start && t.end <= f.end);

  const ownIndexes = [own, ...otherIndexes].sort((x, y) => x - y);
  const separated = (fromToken: number, toToken: number): boolean => {
    const lo = Math.min(fromToken, toToken);
    const hi = Math.max(fromToken, toToken);
    if (hi - lo < 1) return false;
    const between = sentence.slice(tokens[lo]!.end, tokens[hi]!.start);
    return CLAUSE_BREAK.test(between);
  };
  /**
   * A word between this figure and another of the same kind belongs to the one on its side of a
   * clause break ("in 2025 and Vietnam in 2027": "Vietnam" is 2027's); with no break, to the left one.
   */
  const isOthers = (index: number): boolean => {
    if (otherIndexes.length === 0 || index === own) return false;
    const position = ownIndexes.indexOf(own);
    if (index > own) {
      const right = ownIndexes[position + 1];
      if (right === undefined || index > right) return right !== undefined;
      return separated(own, index);
    }
    const left = ownIndexes[position - 1];
    if (left === undefined || index < left) return left !== undefined;
    return !separated(left, index);
  };
  const weightAt = (index: number): number => {
    const distance = Math.abs(index - own);
    const weight = 1 / (1 + distance / 4);
    return isOthers(index) ? weight * 0.3 : weight;
  };

  tokens.forEach((token, index) => {
    if (!token.term || insideFigure(token)) return;
    // A named person or organisation counts once, as itself, not as each word of its name.
    if (extraTerms.some((e) => e.end !== undefined && token.start >= e.start && token.end <= e.end)) return;
    sentenceTerms.add(token.term);
    const weight = weightAt(index);
    terms.set(token.term, Math.max(terms.get(token.term) ?? 0, weight));
    if (MEASURE_WORDS.has(token.term) && weight >= 0.5) measures.add(token.term);
    // Any capitalised word of the sentence names part of its subject, near the figure or not.
    // A capitalised word names the figure's subject when it comes before the figure, or after it
    // in the same clause; after a comma ("…, more than Japan's") it is only a comparison.
    if (token.capitalized && index > 0 && (index < own || !separated(own, index))) capitalizedWords.push(token.word);
    if (token.capitalized && index === 0) initialWord = token.word;
  });
  for (const extra of extraTerms) {
    const index = figureTokenIndex(tokens, { start: extra.start, end: extra.start + 1 } as Figure);
    const weight = weightAt(index);
    terms.set(extra.term, Math.max(terms.get(extra.term) ?? 0, weight));
    sentenceTerms.add(extra.term);
  }
  const time = timeOf(figure, sentenceFigures);
  // Target words count only in the figure's own stretch of the sentence, not next to another figure.
  // A previous figure's stretch runs to the end of its own year ("$4 billion planned for 2025-2030").
  const previous = sentenceFigures
    .filter((f) => f.kind !== "date" && f.end <= figure.start)
    .reduce((end, f) => {
      const own = timeOf(f, sentenceFigures)?.figure;
      return Math.max(end, f.end, own && own.start >= f.end && own.end <= figure.start ? own.end : 0);
    }, 0);
  const next = sentenceFigures.filter((f) => f.kind !== "date" && f.start >= figure.end).reduce((start, f) => Math.min(start, f.start), sentence.length);
  const window = sentence.slice(Math.max(previous, figure.start - 60), Math.min(next, figure.end + 40));
  const isTarget = time?.preposition === "by" || (figure.kind === "date" && figure.preposition === "by") || TARGET_VERBS.test(window) || [...terms.entries()].some(([t, w]) => TARGET_TERMS.has(t) && w >= 0.5);
  return { terms, measures, sentenceTerms, time, isTarget, capitalizedWords, ...(initialWord ? { initialWord } : {}) };
}
