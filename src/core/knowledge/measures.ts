// Units of measure after a number ("100 feet", "a 450-mile corridor", "500 megawatts", "two
// decades"), read with js-quantities so that one quantity written in two units compares as one:
// each kind of measure is converted to one reference unit.
import Qty from "js-quantities";
import { singular } from "./figureWords.js";

/** A measure as the figure grammar stores it: the reference unit of its kind and the factor to it. */
export interface Measure {
  unit: string;
  factor: number;
}

/**
 * The kinds of measure read, each with its reference unit (what the figure's unit says) and the
 * js-quantities unit it is converted to. Spans of time are read in years only from years, decades
 * and centuries: months, weeks and days stay the counted nouns they are.
 */
const KINDS: Record<string, { unit: string; to: string }> = {
  length: { unit: "metres", to: "m" },
  area: { unit: "square metres", to: "m^2" },
  volume: { unit: "litres", to: "l" },
  mass: { unit: "kilograms", to: "kg" },
  power: { unit: "watts", to: "W" },
  energy: { unit: "joules", to: "J" },
  speed: { unit: "metres per second", to: "m/s" },
};
const YEARS = new Set(["y", "decade", "century"]);

/**
 * Unit names that are also ordinary words, and what they mean in prose: "24 points", "two hands",
 * "a 10-point plan", "in" (inches) or "are" (a hundred square metres).
 */
const ORDINARY_WORDS = new Set(["in", "are", "point", "points", "pt", "cup", "cups", "stone", "rod", "rods", "mil", "pica", "grain", "grains", "carat", "line", "lines", "hand", "hands", "link", "links", "chain", "chains", "pound", "pounds", "cd", "min"]);

/** Prose writes "tons" for metric tonnes as often as for short tons: read as tonnes, neither contradicts the other. */
const READ_AS: Record<string, string> = { ton: "tonne", tons: "tonne" };

/** Parts of a metre or gram this small ("am", "pm", "at" read as atto- and pico-units) are never prose. */
const SMALLEST_FACTOR = 1e-6;

/** Every unit name and abbreviation js-quantities knows, lower case: a word that ends in none is no unit. */
let unitNames: ReadonlySet<string> | undefined;

function mayBeUnit(lower: string): boolean {
  unitNames ??= new Set(Qty.getUnits().flatMap((unit) => Qty.getAliases(unit).map((alias) => alias.toLowerCase())));
  // A unit, or a prefixed one ("gigawatts": "giga" + "watts"); parsing is tried only then, as it throws on the rest.
  // A one-letter unit only ends a short word ("kW", "GW", "km"): most long words end in "s" or "m".
  const shortest = lower.length <= 4 ? 1 : 2;
  for (let cut = 0; cut <= Math.min(5, lower.length - shortest); cut++) if (unitNames.has(lower.slice(cut))) return true;
  return false;
}

/** Words already read (null: no measure); a large corpus repeats the words after its numbers. */
const cache = new Map<string, Measure | null>();
const CACHE_LIMIT = 50_000;

function read(word: string): Measure | undefined {
  let quantity;
  // A word js-quantities cannot read throws; its stack is never shown, so none is captured
  // (formatting one, through source maps, cost more than reading the word).
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    quantity = Qty(`1 ${READ_AS[word] ?? word}`);
  } catch {
    return undefined;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  const units = quantity.units();
  const measure = quantity.kind() === "time" ? (YEARS.has(units) ? { unit: "year", to: "y" } : undefined) : KINDS[quantity.kind()];
  if (!measure) return undefined;
  // Conversion factors carry float noise ("decade" is 9.999999999999998 years).
  const factor = Number(quantity.to(measure.to).scalar.toPrecision(12));
  return factor >= SMALLEST_FACTOR ? { unit: measure.unit, factor } : undefined;
}

/**
 * The measure a word after a number names, or undefined. One letter is never enough ("5 m" may be
 * millions), and words that are also ordinary nouns are left to be counted nouns.
 */
export function measureOf(word: string): Measure | undefined {
  if (word.length < 2 || !/^[A-Za-z]+$/.test(word)) return undefined;
  const known = cache.get(word);
  if (known !== undefined) return known ?? undefined;
  // Upper case as written ("MW", "GWh"); lower case is tried too for a word at a sentence start.
  const lower = word.toLowerCase();
  const candidate = !ORDINARY_WORDS.has(lower) && (mayBeUnit(lower) || mayBeUnit(singular(lower)) || lower in READ_AS);
  const measure = candidate ? (read(word) ?? read(lower) ?? read(singular(lower))) : undefined;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, measure ?? null);
  return measure;
}
