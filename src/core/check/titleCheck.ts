// A title drafted next to a name ("President Pham Minh Chinh") against the titles
// the sources give that person.
import type { Finding, NameMention, Range, SourceSentence } from "../types.js";
import { sourceSpan, type CorpusIndex } from "../index/corpusIndex.js";
import { titlesCompatible } from "../knowledge/titles.js";
import type { NameEntity } from "../extract/names.js";
import { citedPlace, citeLocation, pageOrParagraph } from "../sources/citation.js";

const SMALL_WORDS = new Set(["of", "the", "and", "for", "to"]);

function titleCase(title: string): string {
  return title.replace(/\p{L}+/gu, (word) => (SMALL_WORDS.has(word) ? word : word[0]!.toUpperCase() + word.slice(1)));
}

interface TitleStatement {
  title: string;
  /** The title as the source writes it ("NEC Director"), when its span is known. */
  written?: string;
  path: string;
  line: number;
  text: string;
  value: string;
  start: number;
  end: number;
  page?: number;
  paragraph?: number;
}

/** The titled mentions of each person in the sources, gathered once per index (cheap: no text is read). */
const titledByIndex = new WeakMap<CorpusIndex, Map<string, Array<{ sentence: SourceSentence; mention: NameMention }>>>();
/** Where the sources put a title next to a person, read out for the people a draft names only. */
const statementsByIndex = new WeakMap<CorpusIndex, Map<string, TitleStatement[]>>();

/** Gathers the per-index table the title check reads, so a build can pay for it before the first check. */
export function prepareTitleCheck(index: CorpusIndex): void {
  titledMentions(index);
}

function titledMentions(index: CorpusIndex): Map<string, Array<{ sentence: SourceSentence; mention: NameMention }>> {
  let byKey = titledByIndex.get(index);
  if (byKey) return byKey;
  byKey = new Map();
  for (const sentence of index.sentences) {
    for (const mention of sentence.names) {
      if (!mention.title) continue;
      const list = byKey.get(mention.key);
      if (list) list.push({ sentence, mention });
      else byKey.set(mention.key, [{ sentence, mention }]);
    }
  }
  titledByIndex.set(index, byKey);
  return byKey;
}

function titleStatements(index: CorpusIndex, key: string): TitleStatement[] {
  let byKey = statementsByIndex.get(index);
  if (!byKey) statementsByIndex.set(index, (byKey = new Map()));
  const known = byKey.get(key);
  if (known) return known;
  const statements = (titledMentions(index).get(key) ?? []).map(({ sentence, mention }): TitleStatement => {
    // A title in apposition ("Lael Brainard, director of ...") has no span before the name.
    const start = Math.min(mention.titleStart ?? mention.start, mention.start);
    const written = mention.titleStart !== undefined && mention.titleEnd !== undefined && mention.titleEnd <= mention.start ? sentence.text.slice(mention.titleStart, mention.titleEnd) : undefined;
    const place = sourceSpan(sentence, start, mention.end);
    return { title: mention.title!, ...(written ? { written } : {}), path: sentence.path, line: place.line, text: sentence.text, value: sentence.text.slice(start, mention.end), start: place.start, end: place.end, ...citedPlace(sentence, place.line) };
  });
  byKey.set(key, statements);
  return statements;
}

/** Verdicts on a drafted title by person, title and written name, once per index: a draft names the same people again and again. */
const verdictsByIndex = new WeakMap<CorpusIndex, Map<string, Omit<Finding, "range">>>();

export function checkTitle(index: CorpusIndex, name: NameMention, toRange: (start: number, end: number) => Range): Finding | undefined {
  if (!name.title || name.kind !== "person") return undefined;
  const entity = index.names.get(name.key);
  if (!entity) return undefined;
  const stated = titleStatements(index, entity.key);
  if (stated.length === 0) return undefined;
  // The whole claim, title and name, whichever comes first ("Kim Ode, Deputy Director of …" as well as "Director Kim Ode").
  const range = toRange(Math.min(name.titleStart ?? name.start, name.start), Math.max(name.titleEnd ?? name.end, name.end));
  let verdicts = verdictsByIndex.get(index);
  if (!verdicts) verdictsByIndex.set(index, (verdicts = new Map()));
  const key = `${entity.key}\u0000${name.title}\u0000${name.text}`;
  let verdict = verdicts.get(key);
  if (!verdict) verdicts.set(key, (verdict = titleVerdict(index, entity, stated, name.title, name.text)));
  return { range, ...verdict };
}

function titleVerdict(index: CorpusIndex, entity: NameEntity, stated: readonly TitleStatement[], drafted: string, writtenName: string): Omit<Finding, "range"> {
  // "NEC" and "National Economic Council" are one body when the sources define the acronym.
  const sameBody = (a: string, b: string) => {
    const x = index.names.resolveAlias(a);
    return x !== undefined && x === index.names.resolveAlias(b);
  };
  // A person's statements repeat a few titles thousands of times on a large corpus: each title is read once.
  const compatible = new Map<string, boolean>();
  const fits = (title: string) => {
    let fit = compatible.get(title);
    if (fit === undefined) compatible.set(title, (fit = titlesCompatible(drafted, title, sameBody)));
    return fit;
  };
  const matching = stated.filter((s) => fits(s.title));
  const evidence = (list: readonly TitleStatement[]) => list.slice(0, 3).map(({ path, line, text, value, start, end, page, paragraph }) => ({ path, line, text, value, start, end, ...pageOrParagraph({ page, paragraph }) }));
  const shown = (s: TitleStatement) => s.written ?? titleCase(s.title);
  const base = { claimText: `${drafted} ${writtenName}`, claimKind: "name" as const };
  if (matching.length > 0) {
    return { ...base, verdict: "supported", message: `Sources call ${entity.canonical} ${shown(matching[0]!)} (${citeLocation(matching[0]!)})`, sources: evidence(matching) };
  }
  const counts = new Map<string, number>();
  for (const s of stated) counts.set(s.title, (counts.get(s.title) ?? 0) + 1);
  const usual = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const first = stated.find((s) => s.title === usual && s.written) ?? stated.find((s) => s.title === usual)!;
  return {
    ...base,
    verdict: "contradicted",
    message: `Sources call ${entity.canonical} ${shown(first)} (${citeLocation(first)}), not ${titleCase(drafted)}`,
    sources: evidence(stated.filter((s) => s.title === usual)),
    suggestion: `${shown(first)} ${writtenName}`,
  };
}
