import { test } from "node:test";
import assert from "node:assert/strict";
import { prefixCompletions } from "../../src/core/extract/namePrefixes.ts";
import { fold } from "../../src/core/extract/normalize.ts";
import { sampleIndex } from "./helpers/corpus.ts";

test("Should complete a name from its first letters with the same names, in the same order, as reading every name would", async () => {
  const index = await sampleIndex();
  const entities = index.names.all();
  // What completion offered before the sorted table: every entity read, most mentioned first, people first.
  const everyName = (prefix: string) =>
    entities
      .filter((e) => fold(e.canonical).startsWith(fold(prefix)) || e.aliases.some((a) => a.startsWith(fold(prefix))))
      .sort((a, b) => (b.kind === "person" ? 1000 : 0) + b.mentions.length - ((a.kind === "person" ? 1000 : 0) + a.mentions.length))
      .slice(0, 20)
      .map((e) => e.key);
  const prefixes = [...new Set(entities.flatMap((e) => [e.canonical.slice(0, 2), e.canonical.slice(0, 4), ...e.aliases.map((a) => a.slice(0, 3))]))];
  assert.ok(prefixes.length > 20, "the sample corpus names enough to try");
  let offered = 0;
  for (const prefix of [...prefixes, "Zzq", "Việt", "P"]) {
    const completed = prefixCompletions(index.names, prefix).map((c) => c.entity.key);
    assert.deepEqual(completed, everyName(prefix), prefix);
    offered += completed.length;
  }
  assert.ok(offered > prefixes.length, "most prefixes complete to something");
});
