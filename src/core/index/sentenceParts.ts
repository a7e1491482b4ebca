// The parts of a paragraph's reading that belong to one sentence, as the index keeps them: its
// figures and names with offsets into the sentence, and the entity terms its names add to a figure's
// context. Shared by the main thread and the reader threads, which must agree on them exactly.
import type { SourceSentence } from "../types.js";
import type { SentenceSpan } from "../sources/sentences.js";
import { SPEAKER_KEY } from "../extract/names.js";
import type { OwnStrings } from "./ownStrings.js";

/** What most sentences have of figures or names: one shared array, never modified, instead of one each. */
export const NONE: never[] = Object.freeze([]) as unknown as never[];

export function nonEmptyOr<T>(items: T[]): T[] {
  return items.length > 0 ? items : NONE;
}

/**
 * The items of a paragraph inside a sentence's span, with offsets into the sentence. With `strings`
 * (the index keeping them for good), their strings are owned copies and the list is cut to its length.
 */
export function itemsWithin<T extends { start: number; end: number }>(items: readonly T[], span: SentenceSpan, strings?: OwnStrings): T[] {
  let inside: T[] | undefined;
  for (const item of items) {
    if (item.start < span.start || item.end > span.end) continue;
    const moved = { ...item, start: item.start - span.start, end: item.end - span.start };
    (inside ??= []).push(strings ? strings.ownFields(moved) : moved);
  }
  // Copied to its length: a list grown by push keeps room for more, and the index keeps it for good.
  return inside ? (strings ? inside.slice() : inside) : NONE;
}

/** Entity keys of the names in a sentence, as extra context terms ("@pham minh chinh"). */
export function entityTerms(sentence: { names: SourceSentence["names"] }): Array<{ term: string; start: number; end?: number }> {
  // Places are already words of the context ("Korea", "Vietnam"); people and organisations add who.
  // "I" with a title is only known as its document's speaker later (CorpusIndex), so it adds no term here.
  return sentence.names.filter((name) => name.kind !== "place" && name.key !== SPEAKER_KEY).map((name) => ({ term: `@${name.key}`, start: Math.min(name.titleStart ?? name.start, name.start), ...(name.kind === "person" ? { end: name.end } : {}) }));
}
