// Where the benchmark hovers and completes in the draft: on figures, on names and on plain words.
import type { Position } from "../src/core/types.js";
import { Random } from "./random.js";

function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split("\n").length - 1;
  return { line, character: offset - (before.lastIndexOf("\n") + 1) };
}

function offsets(text: string, pattern: RegExp): Array<{ index: number; length: number }> {
  return [...text.matchAll(pattern)].filter((m) => m.index !== undefined).map((m) => ({ index: m.index!, length: m[0].length }));
}

const FIGURES = /(?:US\$|\$)?\d[\d,.]*(?:\s(?:billion|million|trillion|percent))?%?/g;
const NAMES = /(?<=[a-z,] )\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)*/gu;
const WORDS = /\p{Ll}{4,}/gu;

/** Half on figures, a quarter on names, a quarter on ordinary words. */
export function hoverPositions(text: string, count: number, seed: number): Position[] {
  const random = new Random(seed);
  const figures = offsets(text, FIGURES);
  const names = offsets(text, NAMES);
  const words = offsets(text, WORDS);
  const out: Position[] = [];
  for (let i = 0; i < count; i++) {
    const pool = i % 4 < 2 ? figures : i % 4 === 2 ? names : words;
    const target = random.pick(pool);
    out.push(positionOf(text, target.index + random.int(0, Math.max(0, target.length - 1))));
  }
  return out;
}

/** Half just after the first digit or currency sign of a figure, half two or three letters into a name. */
export function completionPositions(text: string, count: number, seed: number): Position[] {
  const random = new Random(seed);
  const figures = offsets(text, FIGURES);
  const names = offsets(text, NAMES).filter((n) => n.length >= 4);
  const out: Position[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) {
      const target = random.pick(figures);
      const firstDigit = text.slice(target.index).search(/\d/);
      out.push(positionOf(text, target.index + firstDigit + 1));
    } else {
      const target = random.pick(names);
      out.push(positionOf(text, target.index + random.int(2, 3)));
    }
  }
  return out;
}

/**
 * Where a writer types, one keystroke after another: inside a word of a prose paragraph (not a
 * heading), anywhere in the draft. Offsets are into the text as it is after the earlier keystrokes
 * (each inserts one character), so they can be applied in order.
 */
export function keystrokeOffsets(text: string, count: number, seed: number): number[] {
  const random = new Random(seed);
  const words = offsets(text, /(?<=^|\n)[^#\n][^\n]*/g).flatMap((line) => offsets(text.slice(line.index, line.index + line.length), /\p{L}{3,}/gu).map((w) => ({ index: line.index + w.index, length: w.length })));
  const original: number[] = [];
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const word = random.pick(words);
    const at = word.index + random.int(1, word.length - 1);
    // Each earlier keystroke before this place moved it one character along.
    out.push(at + original.filter((earlier) => earlier <= at).length);
    original.push(at);
  }
  return out;
}
