// What a source does with a figure it writes: states it, or mentions it only to deny or replace
// it. "not 57 percent", "far short of 100 percent", "from 57 percent to 16 percent" and a claim a
// fact-checker quotes before correcting it are figures a source does not stand behind.
import type { Figure, SourceSentence } from "../types.js";

export type FigureRole =
  /** The source's own statement. */
  | "stated"
  /** Denied where it is written: "not 41st", "far short of N", "rather than $22 million". */
  | "negated"
  /** The old value of a change: "from $54,803 to $48,121". True of the past, not of now. */
  | "superseded"
  /** Someone's claim the source quotes and then corrects: "X said 90 percent … In fact, 46 percent". */
  | "refuted";

/** Words right before a figure that deny it. Hedges ("more than") may sit between. */
const NEGATION_BEFORE =
  /\b(?:not|never|rather than|instead of|(?:far |well |way )?short of|shy of|far from|nowhere near|anywhere near|not (?:even )?close to|far (?:lower|higher|less|more|below|above|smaller|larger|bigger) than)\s+(?:(?:the|a|an|his|her|their|its)\s+)?(?:(?:about|around|nearly|almost|some|roughly|more than|less than|over|under)\s+)?["“]?$/i;
/** "from N" with "to M" after it, M being another figure of the same kind. */
const FROM_BEFORE = /\bfrom\s+(?:(?:just|only|about|around|nearly|almost|some|roughly)\s+)?$/i;
const TO_BETWEEN = /^[^.;:]{0,40}?\bto\s+(?:(?:about|around|nearly|almost|some|roughly|just|only)\s+)?$/i;

/** A verb of saying: what follows it in the sentence is someone's claim. */
const SPEECH_VERB =
  /\b(?:said|says|say|claimed|wrote|writes|stated|asserted|asserts|argued|argues|told|tells|declared|declares|insisted|insists|alleged|alleges|suggested|suggests|contended|contends|tweeted)\b/i;
/** Words a fact-checker corrects a claim with. */
const REBUTTAL =
  /\b(?:in fact|actually|actual|in reality|the reality|incorrect(?:ly)?|inaccurate(?:ly)?|not accurate|(?:is|was|are|were|got it) (?:wrong|false)|wrongly|falsely|no (?:proof|evidence|basis)|misinterpret\w*|misappl\w*|misread\w*|mischaracteri\w*|exaggerat\w*|overstat\w*|understat\w*|inflat(?:ed|es)|off by|way off|erred|mistaken(?:ly)?|flubbed|not within|not even close|nowhere near|anywhere near|far (?:from|short|lower|higher|below|above)|not (?:\w+ )?correct|missed the|doesn'?t hold|does not hold|not supported|not true|untrue|bogus|twaddle)\b/i;
/** Words a fact-checker confirms a claim with: the quoted figure then stands. */
const CONFIRMATION = /\b(?:(?:is|was|s|he's|she's|hes|shes|are|were) (?:right|correct|accurate)|on target|on the mark|checks? out|back(?:s)? (?:up|this|that|the)|quoted the numbers accurately|confirms?|confirmed|holds up|mostly true|true)\b/i;

/** Whether an opening quotation mark before `at` is still open. */
function insideQuotes(text: string, at: number): boolean {
  let straight = 0;
  let curly = 0;
  for (let i = 0; i < at; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) straight++;
    else if (c === 0x201c) curly = 1;
    else if (c === 0x201d) curly = 0;
  }
  return straight % 2 === 1 || curly === 1;
}

/** Words after a figure that name it as someone's expectation: "the 2.5% target", "the 2.5% which the government had predicted". */
const BENCHMARK_AFTER = /^\s*(?:(?:forecast|target|goal|estimate|prediction|projection|expectation)s?\b|(?:which|that)\s+(?:[\p{L}'’-]+\s+){0,4}?(?:had\s+|has\s+|have\s+)?(?:predicted|forecast|forecasted|expected|projected|targeted|estimated|promised|pledged)\b)/iu;

/**
 * A figure denied as the outcome but named as someone's forecast or target ("short of the 2.5%
 * which the government had predicted"): the source states the forecast, so it is not denied as one.
 */
function namedBenchmark(figure: Figure, sentence: string): boolean {
  return BENCHMARK_AFTER.test(sentence.slice(figure.end, figure.end + 80));
}

/** The role of a figure from its own sentence alone: negated, or the old value of a change. */
export function localRole(figure: Figure, sentence: string, sentenceFigures: readonly Figure[]): FigureRole {
  const before = sentence.slice(Math.max(0, figure.start - 60), figure.start);
  const hedgeFree = figure.qualifierText && before.trimEnd().endsWith(figure.qualifierText) ? before.trimEnd().slice(0, -figure.qualifierText.length) : before;
  if ((NEGATION_BEFORE.test(hedgeFree) || NEGATION_BEFORE.test(before)) && !namedBenchmark(figure, sentence)) return "negated";
  if (FROM_BEFORE.test(hedgeFree)) {
    const next = sentenceFigures.find((f) => f.start >= figure.end && f.kind === figure.kind);
    if (next && TO_BETWEEN.test(sentence.slice(figure.end, next.start))) return "superseded";
  }
  return "stated";
}

/** How far after a quoted claim a correction is looked for, in sentences. */
export const REBUTTAL_REACH = 3;

/**
 * The role of a source figure, reading its neighbours in the same document: a claim attributed to
 * someone (quoted, or after "said") that a correction follows without a confirmation is refuted.
 * `sentences` are the index's sentences in document order; `sentence.id` is the position.
 */
export function sourceRole(figure: Figure, sentence: SourceSentence, sentences: readonly SourceSentence[]): FigureRole {
  const local = localRole(figure, sentence.text, sentence.figures);
  if (local !== "stated") return local;
  if (!attributed(figure, sentence, sentences)) return "stated";
  // What follows the claim: the rest of its sentence and the next few of the same document.
  let following = sentence.text.slice(figure.end);
  let deniedLater = false;
  for (let k = 0; k <= REBUTTAL_REACH; k++) {
    const next = sentences[sentence.id + k];
    if (!next || next.path !== sentence.path) break;
    if (k > 0) following += ` ${next.text}`;
    // The source goes on to deny or replace the same number: "… not 23 percent", "from 57 percent to 16 percent".
    deniedLater ||= next.figures.some(
      (f) => (k > 0 || f.start >= figure.end) && f.kind === figure.kind && f.value === figure.value && localRole(f, next.text, next.figures) !== "stated",
    );
  }
  if (deniedLater) return "refuted";
  return REBUTTAL.test(following) && !CONFIRMATION.test(following) ? "refuted" : "stated";
}

/** Someone else's words: inside quotation marks (opened in this paragraph), or after a verb of saying. */
export function attributed(figure: Figure, sentence: SourceSentence, sentences: readonly SourceSentence[]): boolean {
  return SPEECH_VERB.test(sentence.text.slice(0, figure.start)) || quoted(figure, sentence, sentences);
}

function quoted(figure: Figure, sentence: SourceSentence, sentences: readonly SourceSentence[]): boolean {
  // A quotation may open sentences earlier in the same paragraph ("could be 3 million. It could be 30 million.").
  let text = sentence.text.slice(0, figure.start);
  let startLine = sentence.line;
  for (let id = sentence.id - 1; id >= 0 && sentence.id - id <= REBUTTAL_REACH; id--) {
    const previous = sentences[id]!;
    // A blank line between them: another paragraph.
    if (previous.path !== sentence.path || (previous.endLine ?? previous.line) < startLine - 1) break;
    text = `${previous.text} ${text}`;
    startLine = previous.line;
  }
  return insideQuotes(text, text.length);
}

/**
 * Where the source puts the right value instead of one it does not stand behind, as
 * [sentence offset from the figure's, figure index in that sentence] candidates in reading order:
 * the "to" value of a change, the stated value a denial sits next to, or what follows a refuted claim.
 */
export function correctionPlaces(figure: Figure, role: FigureRole, sentence: SourceSentence, sentences: readonly SourceSentence[]): Array<{ sentence: SourceSentence; figure: Figure }> {
  const sameKind = (f: Figure) => f !== figure && f.kind === figure.kind;
  const stated = (f: Figure, s: SourceSentence) => localRole(f, s.text, s.figures) === "stated";
  const own = sentence.figures.filter(sameKind);
  if (role === "superseded") return own.filter((f) => f.start >= figure.end).slice(0, 1).map((f) => ({ sentence, figure: f }));
  if (role === "negated") {
    // "About 55 percent graduate, not 23 percent": the nearest stated value of the sentence, before it first.
    const before = own.filter((f) => f.end <= figure.start && stated(f, sentence)).reverse();
    const after = own.filter((f) => f.start >= figure.end && stated(f, sentence));
    return [...before, ...after].map((f) => ({ sentence, figure: f }));
  }
  if (role !== "refuted") return [];
  const places: Array<{ sentence: SourceSentence; figure: Figure }> = [];
  for (let k = 0; k <= REBUTTAL_REACH; k++) {
    const next = sentences[sentence.id + k];
    if (!next || next.path !== sentence.path) break;
    for (const f of next.figures) {
      if (!sameKind(f) || (k === 0 && f.start < figure.end)) continue;
      const role = localRole(f, next.text, next.figures);
      // The claim's own number denied or replaced later: what replaces it there is the correction.
      if (role !== "stated" && f.value === figure.value) return [...correctionPlaces(f, role, next, sentences), ...places];
      if (role === "stated" && !quoted(f, next, sentences)) places.push({ sentence: next, figure: f });
    }
  }
  return places;
}

/** Whether a source figure in `role` can support a draft figure in `draftRole`. */
export function canSupport(role: FigureRole, draftRole: FigureRole): boolean {
  return role === "stated" || role === draftRole;
}
