// Completion of names by prefix without reading every name: the folded names and aliases of a
// finished registry, sorted once, so the names a prefix starts are one binary search away (the
// real 20 MB slice names tens of thousands of entities; completion asks on every keystroke).
import { fold } from "./normalize.js";

/** What completion reads of a name (names.ts's NameEntity, read by its shape: the table needs no more of it). */
interface Named {
  canonical: string;
  kind: string;
  titles: ReadonlyArray<{ title: string }>;
  aliases: readonly string[];
  mentions: readonly unknown[];
}

/** A finished name registry (names.ts's NameRegistry). */
interface Names<E extends Named> {
  all(): E[];
}

interface PrefixTable<E extends Named = Named> {
  entities: E[];
  /** Folded canonical names and aliases, sorted, each with its entity's place in `entities`. */
  keys: string[];
  owners: Int32Array;
}

const tables = new WeakMap<Names<Named>, PrefixTable>();

function tableOf<E extends Named>(registry: Names<E>): PrefixTable<E> {
  const known = tables.get(registry) as PrefixTable<E> | undefined;
  if (known) return known;
  const entities = registry.all();
  const rows: Array<[string, number]> = [];
  entities.forEach((entity, i) => {
    rows.push([fold(entity.canonical), i]);
    for (const alias of entity.aliases) rows.push([alias, i]);
  });
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  const table = { entities, keys: rows.map((r) => r[0]), owners: Int32Array.from(rows, (r) => r[1]) };
  tables.set(registry, table);
  return table;
}

/** Places in `entities` (registry order) of the entities whose folded name or an alias starts with `wanted`. */
function startingWith(table: PrefixTable<Named>, wanted: string): number[] {
  let lo = 0;
  let hi = table.keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (table.keys[mid]! < wanted) lo = mid + 1;
    else hi = mid;
  }
  const found = new Set<number>();
  for (let i = lo; i < table.keys.length && table.keys[i]!.startsWith(wanted); i++) found.add(table.owners[i]!);
  return [...found].sort((a, b) => a - b);
}

/** People and other entities whose name or alias starts with `prefix` (folded), for completion. */
export function prefixCompletions<E extends Named>(registry: Names<E>, prefix: string, limit = 20): Array<{ entity: E; label: string; title?: string }> {
  const wanted = fold(prefix);
  if (wanted.length === 0) return [];
  const table = tableOf(registry);
  const results = startingWith(table, wanted).map((i) => {
    const entity = table.entities[i]!;
    const title = entity.titles[0]?.title;
    return { entity, label: entity.canonical, ...(title ? { title } : {}) };
  });
  // Most mentioned first, people before the rest; ties in the registry's order (the sort is stable).
  const weight = (r: { entity: E }) => (r.entity.kind === "person" ? 1000 : 0) + r.entity.mentions.length;
  return results.sort((a, b) => weight(b) - weight(a)).slice(0, limit);
}
