// How figures and their sources read in one-line messages.
import type { Figure } from "./types.js";
import { citeLocation, type Citable } from "./sources/citation.js";

/** A figure as a reader would say it, with its hedge and, for ranks, the position as a number. */
export function describeFigure(figure: Figure): string {
  const hedge = figure.qualifierText ? `${figure.qualifierText} ` : "";
  if (figure.kind === "rank") {
    const position = figure.topN ? `top ${figure.value}` : `rank ${figure.value}`;
    return `${hedge}${figure.text} (${position})`;
  }
  return `${hedge}${figure.text}`;
}

export interface Located {
  figure: Figure;
  sentence: Citable;
}

/** `path:line` with a one-based line, as editors and linters print it; `report.pdf p. 12` for a PDF. */
export function locationOf(source: { sentence: Citable }): string {
  return citeLocation(source.sentence);
}

export function describeSource(source: Located): string {
  return `${describeFigure(source.figure)} (${locationOf(source)})`;
}
