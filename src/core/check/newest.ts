// When sources disagree only because one is newer (a running total, a count of months that
// grows), the newest holds: its document date (front matter or the date near the top) decides.
import type { CalendarDate, Figure } from "../types.js";
import { valuesAgree } from "./compare.js";

export interface Dated<T> {
  source: T;
  figure: Figure;
  date: CalendarDate | undefined;
}

/** yyyymmdd with missing parts 0, so that dates of any precision sort. */
function sortable(date: CalendarDate): number {
  return (date.year ?? 0) * 10000 + (date.month ?? 0) * 100 + (date.day ?? 0);
}

function format(date: CalendarDate): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return [date.year, date.month !== undefined ? pad(date.month) : undefined, date.day !== undefined ? pad(date.day) : undefined].filter((p) => p !== undefined).join("-");
}

export type NewestVerdict<T> = { holds: "draft"; older: Array<Dated<T>>; date: string } | { holds: "other"; newest: Dated<T>; date: string } | undefined;

/**
 * Which side the newest source takes, when every side is dated and one date is later than all
 * the others: the draft's value (`agreeing`) or another. Undefined when dates cannot decide.
 */
export function newestHolds<T>(agreeing: Dated<T>, disputes: ReadonlyArray<Dated<T>>): NewestVerdict<T> {
  const sides = [agreeing, ...disputes];
  if (sides.some((side) => side.date?.year === undefined)) return undefined;
  const newest = sides.reduce((a, b) => (sortable(b.date!) > sortable(a.date!) ? b : a));
  const latest = sortable(newest.date!);
  // A tie for newest between different values leaves a real disagreement.
  if (sides.some((side) => side !== newest && sortable(side.date!) === latest && !valuesAgree(side.figure, newest.figure))) return undefined;
  const date = format(newest.date!);
  if (newest === agreeing || valuesAgree(newest.figure, agreeing.figure)) return { holds: "draft", older: disputes.filter((d) => !valuesAgree(d.figure, agreeing.figure)), date };
  return { holds: "other", newest, date };
}
