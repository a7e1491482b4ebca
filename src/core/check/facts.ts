// What the index knows, as flat rows: for `grounded facts`, the fact sheet and the sources view.
import type { FigureKind, SourceSentence } from "../types.js";
import { placeInSource, type CorpusIndex } from "../index/corpusIndex.js";
import { describeFigure } from "./messages.js";
import { describeTime } from "../extract/figureContext.js";
import { citedPlace } from "../sources/citation.js";
import type { NameRegistry } from "../extract/names.js";

export const FACT_KINDS = ["money", "percent", "date", "count", "rank", "name"] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export interface Fact {
  kind: FactKind;
  /** As written in the source, with its hedge ("nearly $80 billion"). */
  value: string;
  /** Normalised value and unit (numbers only). */
  normalized?: number;
  unit?: string;
  /** What it measures: the words around it. */
  about: string;
  /** The time it refers to ("by 2030", "in 2023"). */
  time?: string;
  path: string;
  line: number;
  /** PDF and Word sources: the 1-based page or paragraph of the sentence. */
  page?: number;
  paragraph?: number;
  sentence: string;
}

/** A line of a sentence with its page (PDF) or paragraph (Word). */
function located(sentence: SourceSentence, line: number): { line: number; page?: number; paragraph?: number } {
  return { line, ...citedPlace(sentence, line) };
}

function around(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 60), start).split(/\s+/).slice(-6).join(" ");
  const after = text.slice(end, end + 60).split(/\s+/).slice(0, 6).join(" ");
  return `${before} … ${after}`.trim();
}

export function factsOf(index: CorpusIndex, kind?: FactKind): Fact[] {
  const facts: Fact[] = [];
  if (kind !== "name") {
    for (const source of index.figures(kind as FigureKind | undefined)) {
      const { figure, sentence, context } = source;
      const time = describeTime(context.time);
      facts.push({
        kind: figure.kind,
        value: describeFigure(figure),
        normalized: figure.value,
        unit: figure.unit,
        about: around(sentence.text, figure.start, figure.end),
        ...(time ? { time } : {}),
        path: sentence.path,
        ...located(sentence, placeInSource(sentence, figure.start).line),
        sentence: sentence.text,
      });
    }
  }
  if (kind === undefined || kind === "name") facts.push(...nameFacts(index.names));
  return facts;
}

/** Every named person, organisation and place of a registry, with its usual title and first mention. */
export function nameFacts(registry: NameRegistry): Fact[] {
  const facts: Fact[] = [];
  for (const entity of registry.all()) {
    const first = entity.mentions[0];
    if (!first) continue;
    // The registry keeps titles most-used first.
    const title = entity.titles[0]?.title;
    facts.push({ kind: "name", value: entity.canonical, about: [entity.kind, title].filter(Boolean).join(", "), path: first.path, line: first.line, sentence: first.sentence });
  }
  return facts;
}
