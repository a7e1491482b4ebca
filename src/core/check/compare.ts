// Whether two figures can state the same quantity, and whether their values agree.
import type { Figure } from "../types.js";
import type { FigureContext } from "../extract/figureContext.js";

/** Same kind and a unit that can be compared (an unknown currency matches any). */
export function unitsCompatible(a: Figure, b: Figure): boolean {
  return a.kind === b.kind && unitsMatch(a.kind, a.unit, b.unit);
}

/** Whether two units of figures of `kind` can measure the same thing. */
export function unitsMatch(kind: Figure["kind"], a: string, b: string): boolean {
  switch (kind) {
    case "money":
      return a === b || a === "" || b === "";
    case "count":
      return a === b || (a !== "" && b !== "" && (a.startsWith(b) || b.startsWith(a))) || plainDegrees(a, b) || plainDegrees(b, a);
    default:
      return a === b;
  }
}

/** "1.5 degrees" written without its scale is the source's "1.5°C" or "34°F": the scale is left to the sentence. */
function plainDegrees(plain: string, scaled: string): boolean {
  return plain === "degree" && (scaled === "°C" || scaled === "°F");
}

/** Whether the times two figures refer to can be the same. */
export function timesCompatible(a: FigureContext, b: FigureContext): boolean {
  if (a.isTarget !== b.isTarget) return false;
  if (!a.time || !b.time) return true;
  return a.time.from === b.time.from && a.time.to === b.time.to;
}

/** True when both state a time and it is the same. */
export function sameStatedTime(a: FigureContext, b: FigureContext): boolean {
  return Boolean(a.time && b.time && a.time.from === b.time.from && a.time.to === b.time.to);
}

/** Roundings of figures already compared: a source figure is compared with many others. */
const roundings = new WeakMap<Figure, number>();

/** Half a unit of the last digit written: "87" -> 0.5, "81.5" -> 0.05 (scaled like the value). */
function roundingOf(figure: Figure): number {
  let rounding = roundings.get(figure);
  if (rounding === undefined) roundings.set(figure, (rounding = computeRounding(figure)));
  return rounding;
}

function computeRounding(figure: Figure): number {
  const digits = /(\d[\d,]*)(?:\.(\d+))?/.exec(figure.text);
  if (!digits) return 0;
  const decimals = digits[2]?.length ?? 0;
  const written = Number(digits[1]!.replace(/,/g, "") + (decimals ? "." + digits[2] : ""));
  if (!written) return 0;
  const scale = figure.value / written;
  return (0.5 / 10 ** decimals) * (Number.isFinite(scale) && scale > 0 ? scale : 1);
}

interface Interval {
  lo: number;
  hi: number;
}

function intervalOf(figure: Figure): Interval {
  const value = figure.value;
  const upper = figure.upper ?? value;
  const rounding = Math.min(roundingOf(figure), Math.abs(value) * 0.02);
  const slack = Math.max(rounding, Math.abs(value) * 0.001);
  switch (figure.qualifier) {
    case "approximately":
      // "about $90 billion" covers $87 billion (within 5%), not $97 billion.
      return { lo: value * 0.95, hi: upper * 1.05 };
    case "more-than":
    case "at-least":
      return { lo: value - slack, hi: upper * 1.5 };
    case "less-than":
    case "at-most":
      return { lo: value * 0.5, hi: upper + slack };
    default:
      return { lo: value - slack, hi: upper + slack };
  }
}

function direction(figure: Figure): "up" | "down" | "none" {
  if (figure.qualifier === "more-than" || figure.qualifier === "at-least") return "up";
  if (figure.qualifier === "less-than" || figure.qualifier === "at-most") return "down";
  return "none";
}

/** How many parts (year, month, day) both dates state: 0 means they cannot be compared. */
export function sharedDateParts(a: Figure, b: Figure): number {
  const da = a.date ?? {};
  const db = b.date ?? {};
  return Number(da.year !== undefined && db.year !== undefined) + Number(da.month !== undefined && db.month !== undefined) + Number(da.day !== undefined && db.day !== undefined);
}

/** Dates agree when every part both state is the same ("December 2022" agrees with "December 22, 2022"). */
function datesAgree(a: Figure, b: Figure): boolean {
  const da = a.date ?? {};
  const db = b.date ?? {};
  // Two spans of years are one span only if they start and end alike ("2019 to 2022" is not "2020 to 2022").
  if (a.upper !== undefined && b.upper !== undefined && (da.year !== db.year || a.upper !== b.upper)) return false;
  if (da.year !== undefined && db.year !== undefined && da.year !== db.year) {
    // A year range contains a year: "2025-2030" and "2027".
    const aTo = a.upper ? Math.floor(a.upper / 10000) : da.year;
    const bTo = b.upper ? Math.floor(b.upper / 10000) : db.year;
    if (!(da.year <= bTo && db.year <= aTo) || (a.upper === undefined && b.upper === undefined)) return false;
  }
  if (da.month !== undefined && db.month !== undefined && da.month !== db.month) return false;
  if (da.day !== undefined && db.day !== undefined && da.day !== db.day) return false;
  return true;
}

/** Whether the draft's figure is consistent with the source's, respecting hedges, bounds and rounding. */
export function valuesAgree(draft: Figure, source: Figure): boolean {
  if (draft.kind === "date") return datesAgree(draft, source);
  if (draft.kind === "rank") return draft.value === source.value;
  const dd = direction(draft);
  const sd = direction(source);
  // "above 6%" and "over 8%" are two different bounds for the same thing.
  if (dd !== "none" && dd === sd) {
    return Math.abs(draft.value - source.value) <= Math.max(roundingOf(draft), roundingOf(source), Math.abs(source.value) * 0.001);
  }
  const a = intervalOf(draft);
  const b = intervalOf(source);
  // A written value covers half a unit of its last digit each way, the upper end excluded: "44"
  // is 43.5 up to 44.5 and "43" ends where it begins, so neighbouring whole numbers never agree.
  if (draft.value === source.value && (draft.upper ?? draft.value) === (source.upper ?? source.value)) return true;
  // Two ranges are one range only end to end: "19 to 50 percent" overlaps "29 to 50 percent" but is not it.
  if (draft.upper !== undefined && source.upper !== undefined && draft.upper !== draft.value && source.upper !== source.value) {
    const loose = draft.qualifier === "approximately" || source.qualifier === "approximately" ? 0.05 : 0.001;
    const near = (x: number, y: number) => Math.abs(x - y) <= Math.max(roundingOf(draft), roundingOf(source), Math.abs(y) * loose);
    return near(draft.value, source.value) && near(draft.upper, source.upper);
  }
  // Two round figures ("about 331", "about 313") agree when either could be the other rounded, not
  // whenever their margins touch: that would let them differ by twice the margin.
  if (draft.qualifier === "approximately" && source.qualifier === "approximately") {
    const within = (v: number, i: Interval) => i.lo <= v && v <= i.hi;
    return within(draft.value, b) || within(source.value, a);
  }
  return a.lo < b.hi && b.lo < a.hi;
}

/**
 * Whether two source statements can both be true: "above $47" and "above $53" can, as can
 * "over 800,000" and "804,000"; "$47" and "$53" cannot. Only statements that cannot both be true
 * disagree.
 */
export function statementsConsistent(a: Figure, b: Figure): boolean {
  if (a.kind === "date" || a.kind === "rank" || (direction(a) === "none" && direction(b) === "none")) return valuesAgree(a, b);
  const x = intervalOf(a);
  const y = intervalOf(b);
  const lo = (f: Figure, i: Interval) => (direction(f) === "down" ? -Infinity : i.lo);
  const hi = (f: Figure, i: Interval) => (direction(f) === "up" ? Infinity : i.hi);
  return lo(a, x) <= hi(b, y) && lo(b, y) <= hi(a, x);
}

/**
 * Whether two amounts are close enough in size to be rival statements of one quantity.
 * Figures orders of magnitude apart are different things ($1.1m of fees, $206bn of debt),
 * except the classic slip of scale: the same digits with million for billion (a factor of a thousand).
 */
export function plausibleRivals(a: Figure, b: Figure): boolean {
  if (a.kind !== "money" && a.kind !== "count") return true;
  const x = Math.abs(a.value);
  const y = Math.abs(b.value);
  if (x === 0 || y === 0) return true;
  const ratio = Math.max(x, y) / Math.min(x, y);
  if (ratio <= 10) return true;
  const digits = (n: number) => String(n).replace(/[^\d]/g, "").replace(/0+$/, "");
  // Thousand for million, million for billion: a word of scale written for its neighbour, not any power of ten.
  return digits(x) === digits(y) && Math.abs(Math.log10(ratio) - 3) < 0.01;
}
