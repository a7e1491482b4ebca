import { test, describe } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { extractNames, findNames, prefixCompletions, titlesCompatible } from "../../src/core/names.ts";
import { sampleIndex } from "./helpers/corpus.ts";

describe("extracting names", () => {
  test("Should find titled people with the title normalised and its span", () => {
    const text = "Party General Secretary Tô Lâm met South Korean Prime Minister Kim Min Seok.";
    const people = extractNames(text).filter((n) => n.kind === "person");
    assert.deepEqual(people.map((p) => [p.text, p.title, p.key]), [["Tô Lâm", "general secretary", "to lam"], ["Kim Min Seok", "prime minister", "kim min seok"]]);
    assert.equal(text.slice(people[0]!.titleStart, people[0]!.titleEnd), "Party General Secretary");
  });

  test("Should skip an ambassador's posting to reach the name", () => {
    const [person] = extractNames("Vietnamese Ambassador to South Korea Nguyen Vu Tung said").filter((n) => n.kind === "person");
    assert.deepEqual([person?.text, person?.title], ["Nguyen Vu Tung", "ambassador"]);
  });

  test("Should key places by their canonical name whatever the spelling", () => {
    const keys = extractNames("Việt Nam, Viet Nam, the RoK and the Republic of Korea").map((n) => n.key);
    assert.deepEqual(keys, ["vietnam", "vietnam", "south korea", "south korea"]);
  });

  test("Should not take sentence-initial words or a bare title for names", () => {
    assert.deepEqual(extractNames("However, the Prime Minister said. Both sides agreed.").filter((n) => n.kind === "person"), []);
  });

  test("Should read a line that ends on a title and 'to' (a hard-wrapped release)", () => {
    const line = "The Secretary of Homeland Security will work in collaboration with the Attorney General to";
    assert.doesNotThrow(() => extractNames(line));
    assert.doesNotThrow(() => extractNames("Ambassador to"));
  });

  test("Should give UTF-16 offsets after emoji", () => {
    const text = "🇻🇳 President Vo Van Thuong";
    const [person] = extractNames(text);
    assert.equal(text.slice(person!.start, person!.end), "Vo Van Thuong");
  });

  test("Should never throw and keep spans inside the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 120 }), (text) => {
        for (const name of extractNames(text)) {
          assert.ok(name.start >= 0 && name.end <= text.length && name.start < name.end);
          assert.equal(text.slice(name.start, name.end), name.text);
        }
      }),
      { numRuns: Number(process.env["FUZZ_RUNS"] ?? 10_000) },
    );
  });
});

describe("the registry of the sample corpus", () => {
  test("Should know each leader by the title the sources give", async () => {
    const { names } = await sampleIndex();
    const titleOf = (key: string) => names.get(key)?.titles[0]?.title;
    assert.equal(titleOf("pham minh chinh"), "prime minister");
    assert.equal(titleOf("to lam"), "general secretary");
    assert.equal(titleOf("woo won-shik"), "speaker");
    assert.equal(titleOf("nguyen vu tung"), "ambassador");
    assert.equal(titleOf("yoon suk yeol"), "president");
    assert.equal(titleOf("kim min seok"), "prime minister");
    assert.equal(names.get("to lam")?.canonical, "Tô Lâm");
  });

  test("Should link short mentions to the full name, with or without diacritics", async () => {
    const index = await sampleIndex();
    const found = findNames("Chinh met Woo, then To Lam and Phạm Minh Chính spoke.", index.names);
    assert.deepEqual(found.map((n) => n.key), ["pham minh chinh", "woo won-shik", "to lam", "pham minh chinh"]);
    const titled = findNames("President Pham Minh Chinh", index.names)[0];
    assert.deepEqual([titled?.key, titled?.title], ["pham minh chinh", "president"]);
  });

  test("Should complete a name prefix with the person's title", async () => {
    const index = await sampleIndex();
    const [first] = prefixCompletions(index.names, "Pham M");
    assert.deepEqual([first?.label, first?.title], ["Pham Minh Chinh", "prime minister"]);
  });

  test("Should treat PM and Prime Minister as one title, and President as another", () => {
    assert.ok(titlesCompatible("pm", "prime minister"));
    assert.ok(titlesCompatible("party chief", "general secretary"));
    assert.ok(!titlesCompatible("president", "prime minister"));
    assert.ok(!titlesCompatible("deputy prime minister", "prime minister"));
  });
});
