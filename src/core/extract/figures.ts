// The figure grammar: money, percentages, counts, ranks and dates, read from tokens.
// Each rule looks at a bounded number of tokens, so the whole parse is linear.
import type { CalendarDate, Figure, FigureKind, Qualifier } from "../types.js";
import { normalizePunctuation } from "./normalize.js";
import { scan, touching, type Token } from "./figureTokens.js";
import {
  CURRENCY_PREFIXES, CURRENCY_SUFFIXES, DATE_PREPOSITIONS, FRACTIONS, HEDGES, MEASURE_UNITS, MONTHS, MULTIPLIERS, NOUN_STOPS, ORDINALS,
  POINT_UNITS, RANKING_VERBS, SCALES, SMALL_NUMBERS, SUPERLATIVES, isCurrencyPrefix, isCurrencySuffix, isFigureWord, isFraction,
  isMeasureUnit, isMonth, isMultipleChange, isMultiplier, MULTIPLE_CHANGES, isOrdinal, isScale, isSmallNumber, isSuperlative, singular,
  PEOPLE_NOUNS, PERIODS_PER_YEAR, OCCASIONS, FREQUENCY_ADVERBS,
} from "../knowledge/figureWords.js";
import { measureOf } from "../knowledge/measures.js";
import { headOf } from "../knowledge/titles.js";
import { namesMeasure, termOf } from "./terms.js";

/** A capitalised word that is no month: where a name can stand ("Ken Bates, 73," but not "May 3,"). */
function nameLike(token: Token | undefined): boolean {
  return token?.type === "word" && /^\p{Lu}\p{Ll}/u.test(token.text) && !isMonth(token.lower);
}

/** The unit of a person's age ("aged 44", "a 51-year-old", "his 93rd birthday"): years of life, not a span of time. */
const AGE = "age";

interface Match {
  kind: FigureKind;
  /** Token range [first, last] inclusive. */
  first: number;
  last: number;
  value: number;
  upper?: number;
  unit: string;
  date?: CalendarDate;
  topN?: boolean;
  /** A share said in words ("half", "one in five") is a round figure: it reads as approximate. */
  approximate?: boolean;
}

const isYear = (t: Token | undefined) => t?.type === "number" && !t.decimal && !t.grouped && t.text.length === 4 && t.value >= 1900 && t.value <= 2099;
const isNumber = (t: Token | undefined): t is Token & { type: "number" } => t?.type === "number" && Number.isFinite(t.value);
const isWord = (t: Token | undefined, ...words: string[]) => t?.type === "word" && words.includes(t.lower);
const isSymbol = (t: Token | undefined, ...symbols: string[]) => t?.type === "symbol" && symbols.includes(t.text);
const dateValue = (d: CalendarDate) => (d.year ?? 0) * 10000 + (d.month ?? 0) * 100 + (d.day ?? 0);
const clean = (n: number) => Number(n.toPrecision(15));

class Parser {
  constructor(private readonly tokens: Token[], private readonly text: string) {}

  private at(i: number): Token | undefined {
    return this.tokens[i];
  }

  /** A number glued to letters or inside an identifier: "G20", "COVID-19", "03:17", "v1.2". */
  private isGlued(i: number): boolean {
    const t = this.at(i)!;
    const before = this.at(i - 1);
    const after = this.at(i + 1);
    if (touching(before, t) && before!.type === "word" && !isCurrencyPrefix(before!.text)) return true;
    if (touching(before, t) && isSymbol(before, "-", "_", ":", "/", ".", "#", "@") && touching(this.at(i - 2), before) && this.at(i - 2)!.type !== "number") return !isSymbol(before, "-") || this.at(i - 2)?.type === "word";
    if (touching(t, after) && isSymbol(after, ":") && isNumber(this.at(i + 2)) && touching(after, this.at(i + 2))) return true;
    if (touching(before, t) && isSymbol(before, ":") && isNumber(this.at(i - 2))) return true;
    if (touching(t, after) && after!.type === "word" && !isScale(after!.lower) && !/^(st|nd|rd|th|s)$/.test(after!.lower) && !this.isGluedUnit(after!)) return true;
    return false;
  }

  /** Word numbers ("twenty-five", "three hundred and twenty thousand"): value and last token. */
  private wordNumber(i: number): { value: number; last: number } | undefined {
    let total = 0;
    let current = 0;
    let last = -1;
    let j = i;
    while (j < this.tokens.length) {
      const t = this.at(j)!;
      if (t.type === "word" && isSmallNumber(t.lower)) {
        current += SMALL_NUMBERS[t.lower]!;
        last = j;
      } else if (t.type === "word" && isMultiplier(t.lower) && last >= 0) {
        const m = MULTIPLIERS[t.lower]!;
        if (m === 100) current *= 100;
        else {
          total += current * m;
          current = 0;
        }
        last = j;
      } else if (last >= 0 && ((isSymbol(t, "-") && touching(this.at(j - 1), t)) || (isWord(t, "and") && this.at(j + 1)?.type === "word" && isSmallNumber(this.at(j + 1)!.lower)))) {
        // "twenty-five", "three hundred and twenty"
      } else break;
      j++;
    }
    return last >= 0 ? { value: total + current, last } : undefined;
  }

  /** A number (digits or words) with an optional scale: value and the last token used. */
  private quantity(i: number, allowWords: boolean): { value: number; last: number; scaled: boolean } | undefined {
    const t = this.at(i);
    let value: number;
    let last: number;
    if (isNumber(t)) {
      if (this.isGlued(i)) return undefined;
      value = t.value;
      last = i;
    } else if (allowWords && t?.type === "word" && isSmallNumber(t.lower)) {
      const words = this.wordNumber(i);
      if (!words) return undefined;
      ({ value, last } = words);
    } else return undefined;
    const scale = this.at(last + 1);
    if (scale?.type === "word" && isScale(scale.lower) && (scale.lower.length > 1 || touching(this.at(last), scale))) {
      // "5m" only glued; "5 m" may be metres.
      if (!(scale.lower === "m" || scale.lower === "b" || scale.lower === "k") || touching(this.at(last), scale)) {
        return { value: clean(value * SCALES[scale.lower]!), last: last + 1, scaled: true };
      }
    }
    return { value, last, scaled: false };
  }

  /** Currency before the number: "$", "US$", "US $", "USD", "₩". Returns the code and the first token. */
  private currencyBefore(i: number): { code: string; first: number } | undefined {
    const prev = this.at(i - 1);
    if (!prev) return undefined;
    if (isSymbol(prev, "$")) {
      const word = this.at(i - 2);
      if (word?.type === "word" && touching(word, prev) && isCurrencyPrefix(`${word.text}$`)) return { code: CURRENCY_PREFIXES[`${word.text}$`]!, first: i - 2 };
      if (word?.type === "word" && word.text === "US") return { code: "USD", first: i - 2 };
      return { code: "USD", first: i - 1 };
    }
    if (prev.type === "symbol" && isCurrencyPrefix(prev.text)) return { code: CURRENCY_PREFIXES[prev.text]!, first: i - 1 };
    if (prev.type === "word" && prev.text !== "US" && /^[A-Z]{3}$/.test(prev.text) && isCurrencyPrefix(prev.text)) return { code: CURRENCY_PREFIXES[prev.text]!, first: i - 1 };
    return undefined;
  }

  private currencyAfter(j: number): { code: string; last: number } | undefined {
    const t = this.at(j);
    if (!t) return undefined;
    if (isWord(t, "us", "u.s") && isWord(this.at(j + 1), "dollars", "dollar")) return { code: "USD", last: j + 1 };
    if ((t.type === "word" || t.type === "symbol") && isCurrencySuffix(t.lower)) return { code: CURRENCY_SUFFIXES[t.lower]!, last: j };
    return undefined;
  }

  /** The counted noun after a number: the first plural in up to three words, else the last word. */
  private nounAfter(j: number): { unit: string; last: number } | undefined {
    const words: Array<{ word: string; index: number }> = [];
    for (let k = j; k < j + 3; k++) {
      const t = this.at(k);
      if (!t || t.type !== "word" || NOUN_STOPS.has(t.lower) || isMonth(t.lower) && t.text[0] !== t.text[0]!.toLowerCase()) break;
      if (k > j && !touching(this.at(k - 1), t) && this.text.slice(this.at(k - 1)!.end, t.start).trim() !== "") break;
      words.push({ word: t.lower, index: k });
      if (this.at(k + 1) && isSymbol(this.at(k + 1), "-") && touching(t, this.at(k + 1))) break;
    }
    if (words.length === 0) return undefined;
    // An office of several words counts its holders whatever its form: "chief executives" and
    // "Chief Executive Officers" both count chief executives.
    for (let n = words.length; n >= 2; n--) {
      const office = headOf(words.slice(0, n).map((w) => w.word).join(" "));
      if (office !== undefined) return { unit: office, last: words[n - 1]!.index };
    }
    const plural =
      words.find((w) => w.word.length > 3 && w.word.endsWith("s") && !w.word.endsWith("ss")) ??
      // "people" and "children" are plurals without an s: "4.5 million people left" counts people, not "left".
      words.find((w) => PEOPLE_NOUNS.has(w.word));
    const chosen = plural ?? words[words.length - 1]!;
    if (/^[A-Z]/.test(this.at(chosen.index)!.text) && chosen === words[words.length - 1] && !plural) return undefined;
    // A capitalised plural counted ("54 million Europeans", "3 million Britons") counts people: of a place or a party.
    if (plural && chosen === plural && /^\p{Lu}\p{Ll}/u.test(this.at(chosen.index)!.text)) return { unit: "people", last: chosen.index };
    return { unit: singular(chosen.word), last: chosen.index };
  }

  private date(i: number): Match | undefined {
    const t = this.at(i)!;
    // Month Day[,] Year | Month Day | Month Year
    if (t.type === "word" && isMonth(t.lower) && /^[A-Z]/.test(t.text)) {
      if (t.lower === "may" && !isNumber(this.at(i + 1))) return undefined;
      const month = MONTHS[t.lower]!;
      let j = i + 1;
      if (isSymbol(this.at(j), ".") && touching(t, this.at(j))) j++;
      const next = this.at(j);
      if (isYear(next)) return this.dateMatch(i, j, { year: next!.value, month });
      if (isNumber(next) && !next.decimal && next.value >= 1 && next.value <= 31 && next.text.length <= 2) {
        let k = j + 1;
        if (isWord(this.at(k), "st", "nd", "rd", "th") && touching(next, this.at(k))) k++;
        let m = k;
        if (isSymbol(this.at(m), ",")) m++;
        if (isYear(this.at(m))) return this.dateMatch(i, m, { year: this.at(m)!.value, month, day: next.value });
        return this.dateMatch(i, k - 1, { month, day: next.value });
      }
      return undefined;
    }
    if (!isNumber(t) || t.decimal || t.grouped) return undefined;
    // Day Month [Year]
    const monthToken = this.at(i + 1);
    if (t.value >= 1 && t.value <= 31 && t.text.length <= 2 && monthToken?.type === "word" && isMonth(monthToken.lower) && /^[A-Z]/.test(monthToken.text)) {
      const year = this.at(i + 2);
      const month = MONTHS[monthToken.lower]!;
      if (isYear(year)) return this.dateMatch(i, i + 2, { year: year!.value, month, day: t.value });
      return this.dateMatch(i, i + 1, { month, day: t.value });
    }
    // 11/10/2023 (day first unless the day cannot be one), 2025-08-11
    const [s1, n2, s2, n3] = [this.at(i + 1), this.at(i + 2), this.at(i + 3), this.at(i + 4)];
    if (isSymbol(s1, "/", ".") && isSymbol(s2, s1!.text) && isNumber(n2) && isYear(n3) && [t, s1, n2, s2, n3].every((x, k, all) => k === 0 || touching(all[k - 1], x))) {
      const a = t.value;
      const b = n2.value;
      const [day, month] = a > 12 ? [a, b] : b > 12 ? [b, a] : [a, b];
      if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return this.dateMatch(i, i + 4, { year: n3!.value, month, day });
    }
    if (isYear(t) && isSymbol(s1, "-") && isNumber(n2) && n2.text.length === 2 && isSymbol(s2, "-") && isNumber(n3) && n3!.text.length === 2 && touching(t, s1) && touching(s1, n2) && touching(n2, s2) && touching(s2, n3)) {
      return this.dateMatch(i, i + 4, { year: t.value, month: n2.value, day: n3!.value });
    }
    if (!isYear(t) || this.isGlued(i)) return undefined;
    if (touching(t, this.at(i + 1)) && isWord(this.at(i + 1), "s")) return undefined; // "the 1990s"
    // Year ranges: 2025-2030, 2025-30, 2025 to 2030, between 2025 and 2030
    const link = this.at(i + 1);
    const end = this.at(i + 2);
    if ((isSymbol(link, "-", "/") || isWord(link, "to", "and")) && isNumber(end) && !end.decimal) {
      const upper = isYear(end) ? end.value : end.text.length === 2 ? Math.floor(t.value / 100) * 100 + end.value : NaN;
      if (upper > t.value && upper - t.value <= 100 && (!isWord(link, "and") || isWord(this.at(i - 1), "between"))) {
        return { kind: "date", first: i, last: i + 2, value: dateValue({ year: t.value }), upper: dateValue({ year: upper }), unit: "date", date: { year: t.value } };
      }
    }
    const after = this.at(i + 1);
    if (after?.type === "word" && isScale(after.lower)) return undefined;
    return this.dateMatch(i, i, { year: t.value });
  }

  private dateMatch(first: number, last: number, date: CalendarDate): Match {
    return { kind: "date", first, last, value: dateValue(date), unit: "date", date };
  }

  private rank(i: number): Match | undefined {
    const t = this.at(i)!;
    // second-largest, third largest, 2nd-largest
    const ordinal = t.type === "word" ? (isOrdinal(t.lower) ? ORDINALS[t.lower] : undefined) : isNumber(t) && /^(st|nd|rd|th)$/.test(this.at(i + 1)?.lower ?? "") && touching(t, this.at(i + 1)) ? t.value : undefined;
    if (ordinal !== undefined) {
      let j = t.type === "word" ? i + 1 : i + 2;
      if (isSymbol(this.at(j), "-")) j++;
      const sup = this.at(j);
      if (sup?.type === "word" && isSuperlative(sup.lower) && sup.lower !== "top") return { kind: "rank", first: i, last: j, value: ordinal, unit: SUPERLATIVES[sup.lower]! };
      return undefined;
    }
    // the 10 largest, one of the ten largest, among the 3 largest
    if (isWord(this.at(i - 1), "the", "top") && (isNumber(t) || (t.type === "word" && isSmallNumber(t.lower)))) {
      const q = this.quantity(i, true);
      const sup = q ? this.at(q.last + 1) : undefined;
      if (q && !q.scaled && sup?.type === "word" && isSuperlative(sup.lower) && q.value > 1 && q.value <= 1000) {
        return { kind: "rank", first: i, last: q.last + 1, value: q.value, unit: SUPERLATIVES[sup.lower]!, topN: true };
      }
    }
    // the largest investor, Vietnam's top source, its biggest partner
    if (t.type === "word" && isSuperlative(t.lower)) {
      const prev = this.at(i - 1);
      const determiner = isWord(prev, "the", "its", "their", "his", "her", "our") || (prev?.type === "word" && /'s$/.test(prev.lower));
      const next = this.at(i + 1);
      if (determiner && next?.type === "word" && !NOUN_STOPS.has(next.lower)) return { kind: "rank", first: i, last: i, value: 1, unit: SUPERLATIVES[t.lower]! };
    }
    return undefined;
  }

  private amount(i: number): Match | undefined {
    const t = this.at(i)!;
    // "21st", "1990s": an ordinal or a decade, not an amount.
    if (isNumber(t) && touching(t, this.at(i + 1)) && isWord(this.at(i + 1), "st", "nd", "rd", "th", "s")) return undefined;
    // "at 0227 GMT", "agent 007": written with a leading zero, a clock time or a code, not an amount.
    if (isNumber(t) && /^0\d/.test(t.text)) return undefined;
    const before = isNumber(t) ? this.currencyBefore(i) : undefined;
    const q = this.quantity(i, !before);
    if (!q) return undefined;
    let first = before?.first ?? i;
    let last = q.last;
    let value = q.value;
    let upper: number | undefined;
    // Ranges: "$4-5 billion", "5-7%", "between 5 and 7 percent"
    const link = this.at(q.last + 1);
    if (!q.scaled && isNumber(t) && (isSymbol(link, "-") || (isWord(link, "and", "to") && isWord(this.at(i - 1), "between", "from")) || this.rangeToUnit(q.last))) {
      const second = this.quantity(q.last + 2, false);
      if (second && second.value > q.value) {
        const scale = second.scaled ? second.value / this.at(q.last + 2)!.value : 1;
        value = clean(q.value * scale);
        upper = second.value;
        last = second.last;
      }
    }
    if (before) return { kind: "money", first, last, value, upper, unit: before.code };
    const after = this.currencyAfter(last + 1);
    if (after) return { kind: "money", first, last: after.last, value, upper, unit: after.code };
    // "1p a pint", "10p a text": pence glued to the number, in pounds.
    const pence = this.at(last + 1);
    if (!q.scaled && isNumber(t) && pence?.text === "p" && touching(this.at(last), pence)) return { kind: "money", first, last: last + 1, value: clean(value / 100), upper: upper === undefined ? undefined : clean(upper / 100), unit: "GBP" };
    const next = this.at(last + 1);
    if (isSymbol(next, "%") || isWord(next, "percent", "pct")) return this.percentRange({ kind: "percent", first, last: last + 1, value, upper, unit: "%" });
    // "3.1 ± 0.3 mm": the unit after a margin of error is the value's own; the margin is no figure of its own.
    if (isSymbol(next, "±") && isNumber(this.at(last + 2))) {
      const measured = this.unitAfter(last + 3, value);
      if (measured) return { kind: measured.kind, first, last: measured.last, value: measured.value, upper, unit: measured.unit };
    }
    const form = this.unitAfter(last + 1, value);
    if (form) return { kind: form.kind, first, last: form.last, value: form.value, upper: upper === undefined ? undefined : clean(upper * (form.value / value || 1)), unit: form.unit };
    if (isWord(next, "per") && isWord(this.at(last + 2), "cent")) return { kind: "percent", first, last: last + 2, value, upper, unit: "%" };
    if (isWord(next, "percentage") && isWord(this.at(last + 2), "points", "point")) return { kind: "percent", first, last: last + 2, value, upper, unit: "pp" };
    const noun = this.nounAfter(last + 1);
    // "5bn" or "87 million" alone is most often money; "900 thousand" alone is a count (amounts of
    // thousands are written "$900,000").
    // "5.4 million who left": only people are counted by a number "who" follows.
    if (!noun && isWord(next, "who")) return { kind: "count", first, last, value, upper, unit: "people" };
    if (q.scaled && !noun) return { kind: this.scaleWord(q.last) === "thousand" || this.countsPeopleBefore(first) ? "count" : "money", first, last, value, upper, unit: "" };
    if (noun) return { kind: "count", first, last, value, upper, unit: this.employedBefore(first) && PEOPLE_NOUNS.has(noun.unit) ? "job" : noun.unit };
    if (!isNumber(t)) return undefined; // word numbers only count things
    first = i;
    return { kind: "count", first, last, value, upper, unit: this.ageBefore(i) ? AGE : "" };
  }

  /** "aged 44", "at the age of 43", "Ken Bates, 73, the former chairman": the number is someone's age. */
  private ageBefore(i: number): boolean {
    if (isWord(this.at(i - 1), "aged") || (isWord(this.at(i - 1), "of") && isWord(this.at(i - 2), "age"))) return true;
    // "At 51, Tony Blair has …": a sentence opened by someone's age, then their name.
    const opener = this.at(i - 1);
    const named = this.at(i + 2);
    if (opener?.text === "At" && isSymbol(this.at(i + 1), ",") && nameLike(named)) return true;
    // Set off by commas right after a name: the way news gives a person's age.
    const name = this.at(i - 2);
    const next = this.at(i + 2);
    return isSymbol(this.at(i - 1), ",") && isSymbol(this.at(i + 1), ",") && nameLike(name) && next?.type === "word" && !isSmallNumber(next.lower);
  }

  /** Whether a hiring verb governs the number: "employ 300 people" counts 300 jobs. */
  private employedBefore(first: number): boolean {
    for (let k = first - 1; k >= 0 && k >= first - 3; k--) {
      const t = this.at(k)!;
      if (t.type !== "word") return false;
      if (/^(employ|employs|employed|employing|hire|hires|hired|hiring)$/.test(t.lower)) return true;
    }
    return false;
  }

  /** Whether the clause before a bare amount is about people or jobs and has no currency in it. */
  private countsPeopleBefore(first: number): boolean {
    let people = false;
    for (let k = first - 1; k >= 0 && k >= first - 12; k--) {
      const t = this.at(k)!;
      if (t.type === "symbol" && [".", ";", ":", "!", "?"].includes(t.text)) break;
      if (isCurrencyPrefix(t.text)) return false;
      if (t.type === "word" && PEOPLE_NOUNS.has(t.lower)) people = true;
    }
    return people;
  }

  /** The scale word a quantity ends with, normalised ("k" is "thousand"). */
  private scaleWord(last: number): string | undefined {
    const t = this.at(last);
    if (t?.type !== "word" || !isScale(t.lower)) return undefined;
    return SCALES[t.lower] === 1e3 ? "thousand" : t.lower;
  }

  private hedgeBefore(first: number): { qualifier: Qualifier; text: string; first: number } | undefined {
    for (const hedge of HEDGES) {
      const n = hedge.words.length;
      const start = first - n;
      if (start < 0) continue;
      if (hedge.words.every((w, k) => isWord(this.at(start + k), w))) {
        if (hedge.words[0] === "up" && (this.measureMovedUp(start) || this.addsUp(start))) continue;
        return { qualifier: hedge.qualifier, text: this.text.slice(this.at(start)!.start, this.at(first - 1)!.end), first: start };
      }
    }
    return undefined;
  }

  /**
   * "growth picked up to 0.7%", "unemployment edged up to 4.7%": "up" ends the verb of a measure
   * that moved, and the figure is the level it reached, not a bound ("paid up to £820,000").
   */
  private measureMovedUp(up: number): boolean {
    const verb = this.at(up - 1);
    const measure = this.at(up - 2);
    return verb?.type === "word" && measure?.type === "word" && namesMeasure(measure.lower, termOf(measure.lower));
  }

  /** "the cases add up to $203 million": "add up to" gives a total, not a bound. */
  private addsUp(up: number): boolean {
    const verb = this.at(up - 1);
    return verb?.type === "word" && /^add(?:s|ed|ing)?$/.test(verb.lower);
  }

  private prepositionBefore(first: number): string | undefined {
    let k = first - 1;
    if (isWord(this.at(k), "the")) k--;
    const t = this.at(k);
    return t?.type === "word" && DATE_PREPOSITIONS.has(t.lower) ? t.lower : undefined;
  }

  // --- Forms of real text (issue 12): shares, rates, measures, points, "N times", bare ordinals. ---

  /** "1.5C", "10mm", "400ppm", "10p": a unit glued to its number is still a figure. */
  private isGluedUnit(after: Token): boolean {
    return after.text === "C" || after.text === "F" || after.text === "p" || isMeasureUnit(after.lower) || after.lower in POINT_UNITS;
  }

  /** A unit after a number other than money or percent: a measure, percentage points, or "times". */
  private unitAfter(j: number, value: number): { kind: FigureKind; unit: string; value: number; last: number } | undefined {
    const t = this.at(j);
    if (!t) return undefined;
    if (t.type === "word" && isMeasureUnit(t.lower)) return { kind: "count", unit: MEASURE_UNITS[t.lower]!, value, last: j };
    // Other units, converted to their kind's reference unit: "100 feet" and "a 100-foot bridge", "500 megawatts".
    const hyphenated = isSymbol(t, "-") && touching(this.at(j - 1), t) && touching(t, this.at(j + 1)) ? this.at(j + 1) : undefined;
    const unitWord = hyphenated ?? t;
    // "a 51-year-old", "110-year old", "51 years old": an age, as "aged 51" is, not a span of time
    // ("old" stays a word of the context).
    const unitAt = hyphenated ? j + 1 : j;
    const old = isWord(this.at(unitAt + 1), "old") || (isSymbol(this.at(unitAt + 1), "-") && isWord(this.at(unitAt + 2), "old"));
    if (isWord(unitWord, "year", "years") && old) return { kind: "count", unit: AGE, value, last: unitAt };
    const measure = unitWord.type === "word" ? measureOf(unitWord.text) : undefined;
    if (measure) return { kind: "count", unit: measure.unit, value: clean(value * measure.factor), last: hyphenated ? j + 1 : j };
    // "parts per million", "° C", "degrees Celsius", "1.5C"
    if (isWord(t, "parts", "part") && isWord(this.at(j + 1), "per") && isWord(this.at(j + 2), "million", "billion")) {
      return { kind: "count", unit: this.at(j + 2)!.lower === "million" ? "ppm" : "ppb", value, last: j + 2 };
    }
    const degree = isSymbol(t, "°", "º") || isWord(t, "degrees", "degree") ? j + 1 : j;
    const scale = this.at(degree);
    // "5C$3" is 5 then C$3 (Canadian dollars), not 5 °C.
    const currencyFollows = isSymbol(this.at(degree + 1), "$") && touching(scale, this.at(degree + 1));
    if (scale?.type === "word" && (scale.text === "C" || scale.text === "F" || isWord(scale, "celsius", "fahrenheit", "centigrade")) && (degree > j || touching(this.at(j - 1), scale)) && !currencyFollows) {
      return { kind: "count", unit: scale.lower.startsWith("f") ? "°F" : "°C", value, last: degree };
    }
    // Percentage points: a change between percentages ("up 0.3pp", "25 basis points" = 0.25 points).
    if (t.type === "word" && t.lower in POINT_UNITS) return { kind: "percent", unit: "pp", value, last: j };
    if (isWord(t, "percentage") && isSymbol(this.at(j + 1), "-") && isWord(this.at(j + 2), "point", "points")) return { kind: "percent", unit: "pp", value, last: j + 2 };
    if (isWord(t, "basis") && isWord(this.at(j + 1), "points", "point")) return { kind: "percent", unit: "pp", value: clean(value / 100), last: j + 1 };
    // "50 times higher", "signed 18 times": a multiple or a number of occasions, not a count of things.
    if (isWord(t, "times")) return this.perPeriod(j, value) ?? { kind: "count", unit: "times", value, last: j };
    return undefined;
  }

  /** "... a year", "... per month" after a number of occasions: how often, in times a year. */
  private perPeriod(j: number, occasions: number): { kind: FigureKind; unit: string; value: number; last: number } | undefined {
    const period = this.at(j + 2);
    if (!isWord(this.at(j + 1), "a", "an", "per", "each", "every") || period?.type !== "word" || !(period.lower in PERIODS_PER_YEAR)) return undefined;
    return { kind: "count", unit: "a year", value: clean(occasions * PERIODS_PER_YEAR[period.lower]!), last: j + 2 };
  }

  /** "twice a year", "once a month", and "quarterly" or "monthly" said of an event (not of an amount or a report). */
  private frequency(i: number): Match | undefined {
    const t = this.at(i)!;
    if (t.type !== "word") return undefined;
    if (t.lower in OCCASIONS) {
      const rate = this.perPeriod(i, OCCASIONS[t.lower]!);
      return rate ? { kind: rate.kind, first: i, last: rate.last, value: rate.value, unit: rate.unit } : undefined;
    }
    if (!(t.lower in FREQUENCY_ADVERBS)) return undefined;
    const before = this.at(i - 1);
    // "$5 billion annually" is an amount's rate; "quarterly earnings" names a report.
    if (!before || before.type !== "word" || isScale(before.lower) || isCurrencySuffix(before.lower) || isWord(before, "percent")) return undefined;
    const after = this.at(i + 1);
    if (after?.type === "word" && !NOUN_STOPS.has(after.lower)) return undefined;
    return { kind: "count", first: i, last: i, value: FREQUENCY_ADVERBS[t.lower]!, unit: "a year" };
  }

  /** "2 to 4.5 °C", "3 to 4 percent": a range whose unit, written once at the end, says what both ends are. */
  private rangeToUnit(last: number): boolean {
    const second = this.at(last + 2);
    if (!isWord(this.at(last + 1), "to") || !isNumber(second) || second.value <= this.at(last)!.value) return false;
    const after = this.at(last + 3);
    return isSymbol(after, "%") || isWord(after, "percent") || this.unitAfter(last + 3, second.value)?.unit !== undefined;
  }

  /** "3% to 3.5%": a range written with the sign on both ends. */
  private percentRange(match: Match): Match {
    const link = this.at(match.last + 1);
    const second = this.at(match.last + 2);
    const sign = this.at(match.last + 3);
    if (match.upper === undefined && isWord(link, "to") && isNumber(second) && !this.isGlued(match.last + 2) && (isSymbol(sign, "%") || isWord(sign, "percent")) && second.value > match.value) {
      return { ...match, upper: second.value, last: match.last + 3 };
    }
    return match;
  }

  /**
   * Shares as a percentage: "half of", "a third of", "two-thirds of", "one in five", "4 out of 10";
   * a change by a share ("rose by almost a fifth", "cut by more than half"); and a share of a scale
   * or a measure ("half a billion dollars", "half a century").
   */
  private share(i: number): Match | undefined {
    const t = this.at(i)!;
    if (t.type === "word" && isFraction(t.lower)) return this.fraction(i);
    // "two fifths", "two-thirds": the fraction word reads the numerator before it.
    const next = isSymbol(this.at(i + 1), "-") && touching(t, this.at(i + 1)) ? i + 2 : i + 1;
    if (t.type === "word" && isSmallNumber(t.lower) && this.at(next)?.type === "word" && isFraction(this.at(next)!.lower)) return this.fraction(next);
    return this.rate(i);
  }

  /**
   * A fraction word at `i`. Only where it cannot be an ordinal or a time: followed by "of", by a scale
   * or a measure after "a" ("half a million", "half a century"), or after "by" or a hedge ("by a
   * fifth", "more than half"). "The third quarter" and "a quarter in which" stay what they are.
   */
  private fraction(i: number): Match | undefined {
    const t = this.at(i)!;
    // The numerator: "a", "one", "two" (also hyphenated: "two-thirds"); "half" needs none.
    let first = i;
    let numerator = 1;
    const hyphen = isSymbol(this.at(i - 1), "-") && touching(this.at(i - 1), t);
    const before = this.at(hyphen ? i - 2 : i - 1);
    if (before?.type === "word" && isSmallNumber(before.lower) && SMALL_NUMBERS[before.lower]! > 0) {
      numerator = SMALL_NUMBERS[before.lower]!;
      first = hyphen ? i - 2 : i - 1;
    } else if (isWord(before, "a", "an") && !hyphen) first = i - 1;
    else if (t.lower !== "half" || isWord(before, "the") || (before?.type === "word" && isOrdinal(before.lower))) return undefined;
    const denominator = FRACTIONS[t.lower]!;
    if (numerator >= denominator) return undefined;
    const share = numerator / denominator;
    const after = this.at(i + 1);
    // "half a million", and with "of": "a quarter of a million", "three quarters of a billion dollars".
    const wholeAt = isWord(after, "a", "an") ? i + 2 : isWord(after, "of") && isWord(this.at(i + 2), "a", "an") ? i + 3 : undefined;
    if (wholeAt !== undefined) {
      const whole = this.wholeAfter(wholeAt, share);
      if (whole) return { ...whole, first };
    }
    const ofSomething = isWord(after, "of") || (t.lower === "half" && isWord(after, "the", "its", "their", "his", "her", "our", "all"));
    // Opening marks of a link or a quote stand between: "fallen by [two thirds](…)".
    let lead = first;
    while (lead > 0 && isSymbol(this.at(lead - 1), "[", "(", '"', "\u201c", "'", "\u2018", "*", "_")) lead--;
    // "by a fifth", "more than half", and "a fifth more": a change by a share.
    const byShare = isWord(this.at(lead - 1), "by") || this.hedgeBefore(lead) !== undefined || (first < i && isWord(after, "more", "less", "fewer", "higher", "lower"));
    if (!ofSomething && !byShare) return undefined;
    return { kind: "percent", first, last: i, value: clean(share * 100), unit: "%", approximate: true };
  }

  /** "(half a) billion dollars", "(half a) century": a share of one scale or one unit of measure. */
  private wholeAfter(j: number, share: number): Match | undefined {
    const t = this.at(j);
    if (t?.type !== "word") return undefined;
    if (isScale(t.lower) && t.lower.length > 1) {
      const value = clean(share * SCALES[t.lower]!);
      const currency = this.currencyAfter(j + 1);
      if (currency) return { kind: "money", first: j, last: currency.last, value, unit: currency.code, approximate: true };
      const noun = this.nounAfter(j + 1);
      return { kind: "count", first: j, last: j, value, unit: noun?.unit ?? "", approximate: true };
    }
    const measure = measureOf(t.text);
    if (measure) return { kind: "count", first: j, last: j, value: clean(share * measure.factor), unit: measure.unit, approximate: true };
    return undefined;
  }

  /**
   * "in a decade", "over the next decade", "in a century": a span of years written without a number.
   * Only spans of ten years or more ("a year ago" is no figure).
   */
  private spanOfYears(i: number): Match | undefined {
    const t = this.at(i)!;
    if (!isWord(this.at(i - 1), "a", "an", "next", "past", "last")) return undefined;
    const measure = t.lower.length >= 6 ? measureOf(t.lower) : undefined;
    if (measure?.unit !== "year" || measure.factor < 10) return undefined;
    return { kind: "count", first: i - 1, last: i, value: measure.factor, unit: "year" };
  }

  /**
   * "a billion dollars", "over a million homes", "a dozen months": one of a scale or a multiplier,
   * written with "a" for the number. A round figure, so read as approximate.
   */
  private oneOfScale(i: number): Match | undefined {
    const t = this.at(i)!;
    if (t.type !== "word" || !isMultiplier(t.lower) || !isWord(this.at(i - 1), "a", "an")) return undefined;
    if (isScale(t.lower)) {
      const whole = this.wholeAfter(i, 1);
      return whole ? { ...whole, first: i - 1 } : undefined;
    }
    const noun = this.nounAfter(i + 1);
    if (!noun) return undefined;
    return { kind: "count", first: i - 1, last: i, value: MULTIPLIERS[t.lower]!, unit: noun.unit, approximate: true };
  }

  /** A rate: "one in five", "4 out of 10". */
  private rate(i: number): Match | undefined {
    const t = this.at(i)!;
    if (!isNumber(t) && !(t.type === "word" && isSmallNumber(t.lower))) return undefined;
    const x = this.quantity(i, true);
    if (!x || x.scaled || isYear(t)) return undefined;
    let j = x.last + 1;
    if (isWord(this.at(j), "in")) j++;
    else if (isWord(this.at(j), "out") && isWord(this.at(j + 1), "of")) j += isWord(this.at(j + 2), "every") ? 3 : 2;
    else return undefined;
    if (isYear(this.at(j))) return undefined;
    const y = this.quantity(j, true);
    if (!y || y.scaled || ![2, 3, 4, 5, 6, 8, 10, 12, 20, 25, 50, 100, 1000].includes(y.value) || x.value < 1 || x.value >= y.value) return undefined;
    return { kind: "percent", first: i, last: y.last, value: clean((x.value / y.value) * 100), unit: "%", approximate: true };
  }

  /**
   * The length of a run given as its last place: "the twelfth straight monthly decline" is a run of
   * 12 months, "the 20th consecutive month" one of 20.
   */
  private streak(i: number): Match | undefined {
    const t = this.at(i)!;
    const digits = isNumber(t) && !t.decimal && isWord(this.at(i + 1), "st", "nd", "rd", "th") && touching(t, this.at(i + 1));
    if (!digits && !(t.type === "word" && isOrdinal(t.lower))) return undefined;
    const after = digits ? i + 2 : i + 1;
    const value = digits ? t.value : ORDINALS[t.lower]!;
    // "his 93rd birthday" is an age of 93, "its 20th anniversary" 20 years since.
    if (isWord(this.at(after), "birthday")) return { kind: "count", first: i, last: after, value, unit: AGE };
    if (isWord(this.at(after), "anniversary")) return { kind: "count", first: i, last: after, value, unit: "year" };
    if (!isWord(this.at(after), "straight", "consecutive", "successive")) return undefined;
    const unitWord = this.at(after + 1);
    if (unitWord?.type !== "word") return undefined;
    const unit = singular(unitWord.lower.replace(/ly$/, ""));
    return { kind: "count", first: i, last: after + 1, value, unit };
  }

  /** A place in a ranking without a superlative: "ranked 41st", "from second in the country to 41st". */
  private bareOrdinal(i: number): Match | undefined {
    const t = this.at(i)!;
    const digits = isNumber(t) && !t.decimal && isWord(this.at(i + 1), "st", "nd", "rd", "th") && touching(t, this.at(i + 1));
    if (!digits && !(t.type === "word" && isOrdinal(t.lower))) return undefined;
    const last = digits ? i + 1 : i;
    const value = digits ? t.value : ORDINALS[t.lower]!;
    const after = this.at(last + 1);
    // Ranked by a verb just before ("ranked 41st", "came second"), or moving between places ("from second … to 41st").
    const byVerb = [1, 2].some((k) => { const w = this.at(i - k); return w?.type === "word" && RANKING_VERBS.has(w.lower); });
    const moving = isWord(this.at(i - 1), "from", "to") && (!after || after.type === "symbol" || isWord(after, "in", "among", "place", "out", "overall"));
    if (!byVerb && !moving) return undefined;
    if (isWord(after, "of") && after && this.at(last + 2)?.type === "word" && isMonth(this.at(last + 2)!.lower)) return undefined; // "the 21st of March"
    if (after?.type === "word" && !NOUN_STOPS.has(after.lower) && !isWord(after, "place", "overall", "among")) return undefined; // "the third quarter"
    return { kind: "rank", first: i, last, value, unit: "place" };
  }

  /**
   * A bare scaled number ("1.75 million", no currency) that goes on counting what an earlier large
   * count of the same sentence named ("sold a million copies in nine days and 1.75 million by the
   * end of the year"): a count, not money. Its noun stays unnamed, as a source leaves it too ("up
   * from 34 million"). Small counts between ("nine days") and measures ("300,000 tons") count other things.
   */
  private continuesCount(earlier: readonly Figure[], match: Match): boolean {
    if (match.kind !== "money" || match.unit !== "") return false;
    let end = this.at(match.first)!.start;
    // A few figures back at most: a long run of bare numbers must stay linear to read.
    for (let f = earlier.length - 1; f >= Math.max(0, earlier.length - 4); f--) {
      const previous = earlier[f]!;
      if (/[.;!?](?:\s|$)/.test(this.text.slice(previous.end, end))) return false;
      end = previous.start;
      const counted = previous.kind === "count" && previous.unit !== "" && previous.unit !== AGE && measureOf(previous.unit) === undefined;
      if (counted && previous.value >= 1000) return true;
    }
    return false;
  }

  parse(): Figure[] {
    const figures: Figure[] = [];
    for (let i = 0; i < this.tokens.length; i++) {
      const t = this.at(i)!;
      if (t.type === "symbol" && !isCurrencyPrefix(t.text)) continue;
      let match: Match | undefined;
      if (t.type === "symbol" || (t.type === "word" && isNumber(this.at(i + 1)) && isCurrencyPrefix(t.text))) {
        // A currency sign: the number follows.
        if (isNumber(this.at(i + 1))) match = this.amount(i + 1);
        if (match && match.first > i) match = undefined;
      } else if (t.type === "word" && !isFigureWord(t.lower)) {
        // Most words start no date, rank or amount: one lookup instead of three rules.
        match = this.spanOfYears(i) ?? this.oneOfScale(i);
        if (!match) continue;
      } else if (t.type === "word" && isMultipleChange(t.lower)) {
        match = { kind: "percent", first: i, last: i, value: MULTIPLE_CHANGES[t.lower]!, unit: "%" };
      } else {
        match = this.frequency(i) ?? this.share(i) ?? this.date(i) ?? this.rank(i) ?? this.streak(i) ?? this.bareOrdinal(i) ?? this.amount(i);
      }
      if (!match) {
        // A word number that makes no figure ("one hundred and one hundred and …"): read from any of
        // its later words it ends at the same place, before the same words, so it makes none either.
        if (t.type === "word" && isSmallNumber(t.lower)) i = this.wordNumber(i)?.last ?? i;
        continue;
      }
      const hedge = match.kind === "date" || match.kind === "rank" ? undefined : this.hedgeBefore(match.first);
      const start = this.at(match.first)!.start;
      const end = this.at(match.last)!.end;
      if (!Number.isFinite(match.value) || (match.upper !== undefined && !Number.isFinite(match.upper))) {
        i = match.last;
        continue;
      }
      const figure: Figure = { kind: match.kind, text: this.text.slice(start, end), start, end, value: match.value, unit: match.unit, qualifier: hedge?.qualifier ?? (match.approximate ? "approximately" : "exact") };
      if (hedge) figure.qualifierText = hedge.text;
      if (match.upper !== undefined) figure.upper = match.upper;
      if (match.date) figure.date = match.date;
      if (match.topN) figure.topN = true;
      if (match.kind === "date") {
        const preposition = this.prepositionBefore(match.first);
        if (preposition) figure.preposition = preposition;
      }
      if (this.continuesCount(figures, match)) figure.kind = "count";
      figures.push(figure);
      i = match.last;
    }
    return figures;
  }
}

/** Every figure in one line or paragraph, sorted and non-overlapping; offsets are UTF-16 into `text`. */
export function extractFigures(text: string): Figure[] {
  try {
    const normalized = normalizePunctuation(text);
    const figures = new Parser(scan(normalized), normalized).parse();
    // The figure's text is the original's, not the normalised copy's.
    for (const figure of figures) figure.text = text.slice(figure.start, figure.end);
    return figures;
  } catch {
    return [];
  }
}
