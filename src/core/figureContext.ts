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
  capitalizedWords: string[];
}

const TARGET_TERMS = new Set(["target"]);
const TARGET_VERBS = /\b(aim|aims|aimed|aiming|target|targets|targeted|goal|goals|objective|objectives|to reach|to raise|to achieve|to hit)\b/i;

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

/** The year a non-date figure refers to: the nearest year-bearing date in its sentence, after it preferred. */
export function timeOf(figure: Figure, sentenceFigures: readonly Figure[]): TimeQualifier | undefined {
  if (figure.kind === "date") return undefined;
  const others = sentenceFigures.filter((f) => f.kind !== "date" && f !== figure);
  let best: { qualifier: TimeQualifier; distance: number } | undefined;
  for (const candidate of sentenceFigures) {
    const years = yearsOf(candidate);
    if (!years || candidate === figure) continue;
    const after = candidate.start >= figure.end;
    const [lo, hi] = after ? [figure.end, candidate.start] : [candidate.end, figure.start];
    // Another quantity between them claims the year first.
    if (others.some((o) => o.start >= lo && o.end <= hi)) continue;
    const distance = (hi - lo) * (after ? 1 : 1.5);
    if (distance > 120) continue;
    if (!best || distance < best.distance) best = { qualifier: { ...years, preposition: candidate.preposition, figure: candidate }, distance };
  }
  return best?.qualifier;
}

/**
 * Builds the context of `figure` within `sentence` (offsets of figures are relative to the sentence).
 * `extraTerms` lets callers add entity keys found in the sentence.
 */
export function contextOf(figure: Figure, sentence: string, sentenceFigures: readonly Figure[], extraTerms: ReadonlyArray<{ term: string; start: number }> = []): FigureContext {
  const tokens = wordTokens(sentence);
  const own = figureTokenIndex(tokens, figure);
  const otherIndexes = sentenceFigures
    .filter((f) => f !== figure && f.kind !== "date")
    .map((f) => figureTokenIndex(tokens, f));
  const terms = new Map<string, number>();
  const measures = new Set<string>();
  const sentenceTerms = new Set<string>();
  const capitalizedWords: string[] = [];
  const insideFigure = (t: { start: number; end: number }) => sentenceFigures.some((f) => t.start >= f.start && t.end <= f.end && f.kind !== "rank");

  const weightAt = (index: number, offsetWithin?: number): number => {
    const distance = Math.abs(index - own);
    let weight = 1 / (1 + distance / 4);
    // Words nearer another quantity mostly describe that one.
    if (otherIndexes.some((o) => Math.abs(index - o) < distance)) weight *= 0.3;
    void offsetWithin;
    return weight;
  };

  tokens.forEach((token, index) => {
    if (!token.term || insideFigure(token)) return;
    sentenceTerms.add(token.term);
    const weight = weightAt(index);
    terms.set(token.term, Math.max(terms.get(token.term) ?? 0, weight));
    if (MEASURE_WORDS.has(token.term) && weight >= 0.5) measures.add(token.term);
    if (token.capitalized && index > 0 && weight >= 0.3) capitalizedWords.push(token.word);
  });
  for (const extra of extraTerms) {
    const index = figureTokenIndex(tokens, { start: extra.start, end: extra.start + 1 } as Figure);
    const weight = weightAt(index) * 1.5;
    terms.set(extra.term, Math.max(terms.get(extra.term) ?? 0, weight));
    sentenceTerms.add(extra.term);
  }
  const time = timeOf(figure, sentenceFigures);
  const windowStart = Math.max(0, figure.start - 60);
  const window = sentence.slice(windowStart, Math.min(sentence.length, figure.end + 40));
  const isTarget = time?.preposition === "by" || TARGET_VERBS.test(window) || [...terms.entries()].some(([t, w]) => TARGET_TERMS.has(t) && w >= 0.5);
  return { terms, measures, sentenceTerms, time, isTarget, capitalizedWords };
}
