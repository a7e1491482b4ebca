// How figures and their sources read in one-line messages.
import type { Figure, SourceSentence } from "../types.js";
import { placeInSource } from "../sources/paragraphs.js";
import { citeLine } from "../sources/citation.js";

/** A figure as a reader would say it, with its hedge and, for ranks, the position as a number. */
export function describeFigure(figure: Figure): string {
  const hedge = figure.qualifierText ? `${figure.qualifierText} ` : "";
  if (figure.kind === "rank") {
    const position = figure.topN ? `top ${figure.value}` : `rank ${figure.value}`;
    return `${hedge}${figure.text} (${position})`;
  }
  return `${hedge}${figure.text}`;
}

type SentencePlace = Pick<SourceSentence, "path" | "line" | "start" | "breaks" | "pages" | "paragraph">;

export interface Located {
  figure: Figure;
  sentence: SentencePlace;
}

/**
 * `path:line` of a source figure (the line stating it), one-based, as editors and linters print it;
 * `report.pdf p. 12` for a PDF, `brief.docx ¶ 4` for a Word file.
 */
export function locationOf(source: { figure?: Figure; sentence: SentencePlace }): string {
  const line = source.figure ? placeInSource(source.sentence, source.figure.start).line : source.sentence.line;
  return citeLine(source.sentence, line);
}

export function describeSource(source: Located): string {
  return `${describeFigure(source.figure)} (${locationOf(source)})`;
}
