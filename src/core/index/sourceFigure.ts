// The shape of a figure of the sources, shared by the index (corpusIndex.ts) and the stored
// contexts (contextColumns.ts): in its own module so neither has to import the other.
import type { FigureContext } from "../extract/figureContext.js";
import type { Figure, SourceSentence } from "../types.js";

/** A figure of the sources with what it is about. Figure offsets are relative to the sentence. */
export interface SourceFigure {
  figure: Figure;
  sentence: SourceSentence;
  context: FigureContext;
}
