// The archive's name registry as stored (entities without their mentions, aliases), and the order
// of its documents: the order a local index walks the same folders in.
import { NameRegistry, type NameEntity } from "../../extract/names.js";
import type { NameKind } from "../../types.js";

export interface StoredEntity {
  key: string;
  canonical: string;
  kind: NameKind;
  titles: Array<{ title: string; count: number }>;
  aliases: string[];
  /** How many mentions and how many documents. */
  mentions: number;
  sources: number;
  first: { path: string; line: number; text: string } | null;
}

export interface StoredRegistry {
  entities: StoredEntity[];
  aliases: Array<[string, string]>;
}

export interface RestoredNames {
  registry: NameRegistry;
  sourceCount: (key: string) => number;
  mentionCount: (key: string) => number;
}

export function restoreRegistry(stored: StoredRegistry): RestoredNames {
  const entities: NameEntity[] = stored.entities.map((e) => ({
    key: e.key,
    canonical: e.canonical,
    kind: e.kind,
    titles: e.titles,
    aliases: e.aliases,
    // Only the first mention travels (facts show where a name first appears).
    mentions: e.first ? [{ path: e.first.path, line: e.first.line, sentence: "", text: e.first.text }] : [],
  }));
  const sources = new Map(stored.entities.map((e) => [e.key, e.sources]));
  const mentions = new Map(stored.entities.map((e) => [e.key, e.mentions]));
  return { registry: NameRegistry.restore(entities, stored.aliases), sourceCount: (key) => sources.get(key) ?? 0, mentionCount: (key) => mentions.get(key) ?? 0 };
}

/** Folder by folder, names in code-unit order: how the corpus walk visits files (corpus.ts). */
export function compareDocumentPaths(a: string, b: string): number {
  const left = a.split("/");
  const right = b.split("/");
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    if (left[i] !== right[i]) return left[i]! < right[i]! ? -1 : 1;
  }
  return left.length - right.length;
}
