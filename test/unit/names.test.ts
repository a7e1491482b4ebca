import { test, describe } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { extractNames, findNames, titlesCompatible } from "../../src/core/extract/names.ts";
import { prefixCompletions } from "../../src/core/extract/namePrefixes.ts";
import { checkDocument } from "../../src/core/check/checker.ts";
import { indexOf, sampleIndex } from "./helpers/corpus.ts";

const people = (text: string) => extractNames(text).filter((n) => n.kind === "person").map((p) => [p.text, p.title ?? ""]);

describe("extracting names", () => {
  test("Should find titled people with the title normalised and its span", () => {
    const text = "Party General Secretary Tô Lâm met South Korean Prime Minister Kim Min Seok.";
    const people = extractNames(text).filter((n) => n.kind === "person");
    assert.deepEqual(people.map((p) => [p.text, p.title, p.key]), [["Tô Lâm", "general secretary of party", "to lam"], ["Kim Min Seok", "prime minister of south korea", "kim min seok"]]);
    assert.equal(text.slice(people[0]!.titleStart, people[0]!.titleEnd), "Party General Secretary");
  });

  test("Should read an ambassador's posting as part of the title, not of the name", () => {
    assert.deepEqual(people("Vietnamese Ambassador to South Korea Nguyen Vu Tung said"), [["Nguyen Vu Tung", "ambassador of vietnam south korea"]]);
  });

  test("Should read the body an office is over, written before or after the head, apart from the name", () => {
    assert.deepEqual(people("NEC Director Lael Brainard spoke after U.S. Treasury Secretary Janet L. Yellen."), [
      ["Lael Brainard", "director of nec"],
      ["Janet L. Yellen", "secretary of united states treasury"],
    ]);
    assert.deepEqual(people("Secretary of Homeland Security Ann Rivera and Secretary of State Tom Okafor met Secretary of Commerce Li Wen."), [
      ["Ann Rivera", "secretary of homeland security"],
      ["Tom Okafor", "secretary of state"],
      ["Li Wen", "secretary of commerce"],
    ]);
    assert.deepEqual(people("The Secretary of Homeland Security will report to the Attorney General."), []);
    assert.deepEqual(people("Today President Ada Moss spoke."), [["Ada Moss", "president"]]);
  });

  test("Should read ranks, courtesy words and abbreviations: deputy offices differ, former ones do not", () => {
    assert.deepEqual(people("Ohio Congresswoman Mary Dunn, Sen. Carl Pike, former Vice President Ada Moss and Mr. Hale spoke."), [
      ["Mary Dunn", "representative of ohio"],
      ["Carl Pike", "senator"],
      ["Ada Moss", "vice president"],
      ["Hale", ""],
    ]);
  });

  test("Should read a title in apposition after the name", () => {
    assert.deepEqual(people("Lael Brainard, director of the National Economic Council, said so."), [["Lael Brainard", "director of national economic council"]]);
    assert.deepEqual(people("It was led by Dr. Ana Ruiz, Deputy Director of the Office of Science; and Mr. Ben Kato."), [
      ["Ana Ruiz", "deputy director of office science"],
      ["Ben Kato", ""],
    ]);
  });

  test("Should not take a plural office, a place, a body or the word after a dash for a name", () => {
    assert.deepEqual(people("Chief Executive Officers and Chairs will meet. The Summit President Designate United Arab Emirates will host."), []);
    assert.deepEqual(people("Policy Coordinator for Defense Policy and Arms Control at the council spoke; Senator Lee Park—after a vote—left."), [["Lee Park", "senator"]]);
    assert.deepEqual(people("African Leaders Climate Action Summit"), []);
    assert.deepEqual(people("Section 2. General Provisions. Thank you, Mr. President. Thank you all. G7 Foreign Ministers Meeting"), []);
    assert.deepEqual(people("Major General Ada Stone met Sen. Bo Lind."), [["Ada Stone", "major general"], ["Bo Lind", "senator"]]);
  });

  test("Should key places by one name whatever the spelling", () => {
    const keys = extractNames("Việt Nam, Viet Nam, Vietnam; the U.S., the U. S., USA and the United States; the Republic of Korea (RoK)").map((n) => n.key);
    assert.deepEqual(keys, ["vietnam", "vietnam", "vietnam", "united states", "united states", "united states", "united states", "south korea", "south korea"]);
  });

  test("Should keep a middle initial out of a person's key", () => {
    assert.deepEqual(extractNames("Secretary Janet L. Yellen").map((n) => n.key), ["janet yellen"]);
  });

  test("Should not take sentence-initial words or a bare title for names", () => {
    assert.deepEqual(extractNames("However, the Prime Minister said. Both sides agreed.").filter((n) => n.kind === "person"), []);
  });

  test("Should read a line that ends on a title and 'to' (a hard-wrapped release)", () => {
    const line = "The Secretary of Homeland Security will work in collaboration with the Attorney General to";
    assert.doesNotThrow(() => extractNames(line));
    for (const end of ["Ambassador to", "Secretary of", "Secretary of the", "NEC Director", "Lael Brainard, director of", "Agency (", "U. S."]) assert.doesNotThrow(() => extractNames(end));
  });

  test("Should read long lines of titles, initials, acronyms and dashes in one pass each", () => {
    // Each pattern once made the scan go back over the rest of the line (issue 13).
    const line = (unit: string) => unit.repeat(Math.ceil(300_000 / unit.length));
    assert.equal(extractNames(line("the U. S. and ")).length, Math.ceil(300_000 / 14));
    assert.equal(extractNames(line("Scott—after—")).length, 0);
    assert.equal(extractNames(line("Secretary of the Treasury and ")).length, 0);
    const acronyms = extractNames(line("National Economic Council (NEC) "));
    assert.deepEqual(new Set(acronyms.map((n) => n.key)), new Set(["national economic council"]));
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
    const holds = (key: string, title: string) => assert.ok(titlesCompatible(title, titleOf(key) ?? "-"), `${key}: ${titleOf(key)}`);
    holds("pham minh chinh", "prime minister");
    holds("to lam", "general secretary");
    holds("woo won-shik", "speaker");
    holds("nguyen vu tung", "ambassador");
    holds("yoon suk yeol", "president");
    holds("kim min seok", "prime minister");
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

  test("Should learn an acronym the sources define and answer for it by the full name", async () => {
    const index = await sampleIndex();
    assert.equal(index.names.get("rok")?.key, "south korea");
    const learned = indexOf({ "a.txt": "The National Economic Council (NEC) met on Monday.", "b.txt": "The NEC published a report." });
    assert.equal(learned.names.get("nec")?.key, "national economic council");
    assert.equal(learned.names.get("national economic council")?.mentions.length, 3);
  });

  test("Should link a titled surname to the full name written elsewhere", () => {
    const index = indexOf({ "a.txt": "Janet Yellen arrived in Lagos.", "b.txt": "Later, Secretary Yellen said the fund was ready." });
    assert.deepEqual(index.names.get("yellen")?.key, "janet yellen");
    assert.equal(index.names.get("janet yellen")?.kind, "person");
  });

});

describe("comparing titles", () => {
  test("Should treat PM and Prime Minister as one title, and President as another", () => {
    assert.ok(titlesCompatible("pm", "prime minister"));
    assert.ok(titlesCompatible("premier", "prime minister of south korea"));
    assert.ok(!titlesCompatible("president", "prime minister"));
    assert.ok(!titlesCompatible("deputy prime minister", "prime minister"));
  });

  test("Should match the same office however its body is written, and not another body's", () => {
    assert.ok(titlesCompatible("secretary of treasury", "secretary of united states treasury"));
    assert.ok(titlesCompatible("director of nec", "director of national economic council"));
    assert.ok(titlesCompatible("secretary", "secretary of commerce"));
    assert.ok(!titlesCompatible("secretary of treasury", "director of nec"));
    assert.ok(!titlesCompatible("secretary of treasury", "secretary of commerce"));
    assert.ok(titlesCompatible("representative", "representative of west columbia"));
    assert.ok(!titlesCompatible("senator", "representative of west columbia"));
  });

  test("Should contradict a drafted title that names another office than the sources give", () => {
    const index = indexOf({
      "a.txt": "South Carolina Congressman Joe Wilson opened the plant. NEC Director Lael Brainard spoke.",
      "b.txt": "The National Economic Council (NEC) advises on policy.",
    });
    const verdicts = (draft: string) => checkDocument(index, draft).filter((f) => f.claimKind === "name").map((f) => f.verdict);
    assert.deepEqual(verdicts("Senator Joe Wilson opened the plant."), ["contradicted"]);
    assert.deepEqual(verdicts("Representative Joe Wilson opened the plant."), ["supported"]);
    assert.deepEqual(verdicts("Treasury Secretary Lael Brainard spoke."), ["contradicted"]);
    assert.deepEqual(verdicts("Lael Brainard, director of the National Economic Council, spoke."), ["supported"]);
  });
});
