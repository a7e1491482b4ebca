// How alike two figure contexts are, in the words that say what a figure measures.
import type { FigureContext } from "./figureContext.js";

/** Anything that knows how rare a term is across the sources. */
export interface TermRarity {
  idf(term: string): number;
}

/**
 * How much of the draft figure's context the source figure's context echoes: each draft word,
 * weighted by closeness and rarity, counts as far as the same word sits close to the source
 * figure. Asymmetric on purpose: a long source sentence is not penalised for saying more.
 */
export function similarity(index: TermRarity, draft: FigureContext, source: FigureContext): number {
  let matched = 0;
  let total = 0;
  for (const [term, weight] of draft.terms) {
    const idf = index.idf(term);
    const mass = weight * idf;
    total += weight * mass;
    const other = source.terms.get(term);
    if (other !== undefined) matched += Math.min(weight, other) * mass;
  }
  return total ? matched / total : 0;
}

