// Which lines a title check needs. The checker's title verdict (titleCheck.ts) reads, for a person
// the draft names with a title, the first three statements of each title the sources give (its
// evidence, whichever titles fit the draft's), the first one writing the title out (its message),
// and which title the sources use most (its suggestion, counted over every statement). A busy
// person is named with a title on thousands of lines; these lines say the same with a few dozen.
import type { NameMention } from "../../types.js";
import type { NameRegistry } from "../../extract/names.js";
import { compareDocumentPaths } from "./registry.js";
import { extractLine } from "../../index/corpusIndex.js";

/** A paragraph holding a titled mention of someone the draft names, with its stored extraction. */
export interface TitledParagraph {
  document: number;
  path: string;
  first_line: number;
  text: string;
  /** JSON of extractLine's result; null when another engine made it (extracted again here). */
  extraction: string | null;
}

interface Statement {
  entity: string;
  title: string;
  written: boolean;
  /** "document:line" */
  place: string;
}

/** Per title, in the order the sources first give it: how many statements. */
function titleCounts(statements: readonly Statement[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of statements) counts.set(s.title, (counts.get(s.title) ?? 0) + 1);
  return counts;
}

/** The title stated most, the first stated on a tie (titleVerdict's `usual`). */
function usualTitle(counts: ReadonlyMap<string, number>): string | undefined {
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * The lines ("document:line") of `paragraphs` the title check reads for `entities` (settled keys):
 * the first three statements of each title, the first written out, and enough of the usual title's
 * that counting the lines read still finds it the usual one.
 */
export function titleLines(paragraphs: readonly TitledParagraph[], entities: ReadonlySet<string>, registry: NameRegistry): Set<string> {
  // Statements in the order the index reads them: documents by path, then by place in the paragraph.
  const ordered = [...paragraphs].sort((a, b) => compareDocumentPaths(a.path, b.path) || a.first_line - b.first_line);
  const byEntity = new Map<string, Statement[]>();
  for (const paragraph of ordered) {
    const extracted = paragraph.extraction === null ? extractLine(paragraph.text.replace(/\n/g, " ")) : (JSON.parse(paragraph.extraction) as { names: NameMention[] });
    const names = extracted.names.filter((n) => n.title).sort((a, b) => a.start - b.start);
    for (const name of names) {
      const entity = registry.resolveAlias(name.key) ?? name.key;
      if (!entities.has(entity)) continue;
      const line = paragraph.first_line + (paragraph.text.slice(0, name.start).match(/\n/g)?.length ?? 0);
      const written = name.titleStart !== undefined && name.titleEnd !== undefined && name.titleEnd <= name.start;
      const statement = { entity, title: name.title!, written, place: `${paragraph.document}:${line}` };
      const list = byEntity.get(entity);
      if (list) list.push(statement);
      else byEntity.set(entity, [statement]);
    }
  }
  const lines = new Set<string>();
  for (const statements of byEntity.values()) {
    const seen = new Map<string, number>();
    const writtenSeen = new Set<string>();
    for (const s of statements) {
      const n = seen.get(s.title) ?? 0;
      if (n < 3) lines.add(s.place);
      seen.set(s.title, n + 1);
      if (s.written && !writtenSeen.has(s.title)) {
        writtenSeen.add(s.title);
        lines.add(s.place);
      }
    }
  }
  // A line read for one person may state another's title: count what the lines read hold, and add
  // the usual title's next statements until it is the usual one among them too (all of them at worst).
  // Each title's first statement is read, so the titles come in the same order as over all of them.
  for (let changed = true; changed; ) {
    changed = false;
    for (const statements of byEntity.values()) {
      const all = titleCounts(statements);
      const usual = usualTitle(all);
      const read = new Map([...all.keys()].map((title) => [title, 0]));
      for (const s of statements) if (lines.has(s.place)) read.set(s.title, read.get(s.title)! + 1);
      for (const next of statements) {
        if (usualTitle(read) === usual) break;
        if (next.title !== usual || lines.has(next.place)) continue;
        lines.add(next.place);
        changed = true;
        for (const s of statements) if (s.place === next.place) read.set(s.title, read.get(s.title)! + 1);
      }
    }
  }
  return lines;
}
