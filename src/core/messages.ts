// How figures and their sources read in one-line messages.
import type { Figure, SourceSentence } from "./types.js";
import { placeInSource } from "./paragraphs.js";

/** A figure as a reader would say it, with its hedge and, for ranks, the position as a number. */
export function describeFigure(figure: Figure): string {
  const hedge = figure.qualifierText ? `${figure.qualifierText} ` : "";
  if (figure.kind === "rank") {
    const position = figure.topN ? `top ${figure.value}` : `rank ${figure.value}`;
    return `${hedge}${figure.text} (${position})`;
  }
  return `${hedge}${figure.text}`;
}

type SentencePlace = Pick<SourceSentence, "path" | "line" | "start" | "breaks">;

export interface Located {
  figure: Figure;
  sentence: SentencePlace;
}

/** `path:line` of a source figure (the line stating it), one-based, as editors and linters print it. */
export function locationOf(source: { figure?: Figure; sentence: SentencePlace }): string {
  const line = source.figure ? placeInSource(source.sentence, source.figure.start).line : source.sentence.line;
  return `${source.sentence.path}:${line + 1}`;
}

export function describeSource(source: Located): string {
  return `${describeFigure(source.figure)} (${locationOf(source)})`;
}
