// How figures and their sources read in one-line messages.
import type { Figure } from "./types.js";

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
  sentence: { path: string; line: number };
}

/** `path:line` with a one-based line, as editors and linters print it. */
export function locationOf(source: { sentence: { path: string; line: number } }): string {
  return `${source.sentence.path}:${source.sentence.line + 1}`;
}

export function describeSource(source: Located): string {
  return `${describeFigure(source.figure)} (${locationOf(source)})`;
}
