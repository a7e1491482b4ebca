// How alike two figure contexts are, in the words that say what a figure measures.
import type { FigureContext } from "../extract/figureContext.js";

/** Anything that knows how rare a term is across the sources. */
export interface TermRarity {
  idf(term: string): number;
}

/** A draft context's terms with what each can add to a similarity (mass = weight × rarity), and the total of weight × mass. */
export function draftWeights(index: TermRarity, draft: FigureContext): { total: number; terms: Array<{ term: string; weight: number; mass: number }> } {
  let total = 0;
  const terms: Array<{ term: string; weight: number; mass: number }> = [];
  for (const [term, weight] of draft.terms) {
    const mass = weight * index.idf(term);
    total += weight * mass;
    terms.push({ term, weight, mass });
  }
  return { total, terms };
}

/**
 * How much of the draft figure's context the source figure's context echoes: each draft word,
 * weighted by closeness and rarity, counts as far as the same word sits close to the source
 * figure. Asymmetric on purpose: a long source sentence is not penalised for saying more.
 */
export function similarity(index: TermRarity, draft: FigureContext, source: FigureContext): number {
  const { total, terms } = draftWeights(index, draft);
  let matched = 0;
  for (const { term, weight, mass } of terms) {
    const other = source.terms.get(term);
    if (other !== undefined) matched += Math.min(weight, other) * mass;
  }
  return total ? matched / total : 0;
}
