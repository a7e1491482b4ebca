import { test, describe } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { termOf, wordTokens } from "../../src/core/extract/terms.ts";
import { foldMarksFrom, foldPreservingOffsets, tokenize } from "../../src/core/extract/normalize.ts";
import { checkDocument } from "../../src/core/check/checker.ts";
import { indexOf } from "./helpers/corpus.ts";

describe("terms a draft and its sources are compared by", () => {
  test("Should read every inflection of a word as one term", () => {
    assert.equal(termOf("reaching"), termOf("reached") ?? termOf("reaching"));
    assert.equal(termOf("investments"), termOf("investing"));
    assert.equal(termOf("exporting"), termOf("exports"));
    assert.equal(termOf("upgrading"), termOf("upgraded"));
  });

  test("Should read every form of a country as one term, and a demonym as its country", () => {
    const place = (text: string) => wordTokens(text).map((t) => t.term).filter((t) => t !== undefined).pop();
    assert.equal(place("Viet Nam"), place("Vietnam"));
    assert.equal(place("Vietnamese"), place("Vietnam"));
    assert.equal(place("U.S."), place("United States"));
    assert.equal(place("USA"), place("American"));
    assert.equal(place("US"), place("America"));
    assert.equal(place("Korean"), place("Korea"));
    assert.notEqual(place("us"), place("US"));
  });

  test("Should read a country by the word of its name its demonym is built on: 'Britain' is the UK, 'Kingdom' is nothing", () => {
    const place = (text: string) => wordTokens(text).map((t) => t.term).pop();
    assert.equal(place("Britain"), place("UK"));
    assert.equal(place("Britain"), place("British"));
    assert.equal(place("Britain"), place("Great Britain"));
    assert.notEqual(place("Kingdom"), place("UK"));
    assert.notEqual(place("States"), place("US"));
  });

  test("Should hold a figure about Britain to what the sources say of the UK, not of France", () => {
    const index = indexOf({ "uk.txt": "Flat rents in the UK rose 4% last year, the survey found.", "fr.txt": "Flat rents in France rose 9% last year, the survey found." });
    const verdicts = (draft: string) => checkDocument(index, draft).map((f) => f.verdict);
    assert.deepEqual(verdicts("Flat rents in Britain rose 4% last year."), ["supported"]);
    assert.deepEqual(verdicts("Flat rents in Britain rose 9% last year."), ["contradicted"]);
  });

  test("Should read a web address as the name of its site: 'Tallybird.com' is Tallybird, 'U.S.' stays a country", () => {
    const terms = (text: string) => wordTokens(text).map((t) => t.term);
    assert.ok(terms("Web monitor Tallybird.com said so.").includes(termOf("tallybird")));
    assert.deepEqual(terms("U.S. exports"), [termOf("u.s"), termOf("exports")]);
    const index = indexOf({ "web.txt": "Web monitor Tallybird.com said its panel of three million net users in 40 countries had grown." });
    const verdicts = (draft: string) => checkDocument(index, draft).map((f) => f.verdict);
    assert.deepEqual(verdicts("Tallybird's panel covers three million net users in 45 countries."), ["supported", "contradicted"]);
  });

  test("Should know a city written in two words ('Buenos Aires') as a subject the sources name, and check the figure", () => {
    const index = indexOf({ "tower.txt": "The new Harbour Tower is more than 40m taller than the Colon Theatre in Buenos Aires, Argentina, its builders said." });
    const verdicts = (draft: string) => checkDocument(index, draft).map((f) => f.verdict);
    assert.deepEqual(verdicts("The Harbour Tower is more than 60m taller than the Colon Theatre in Buenos Aires."), ["contradicted"]);
    assert.deepEqual(verdicts("The Harbour Tower is more than 40m taller than the Colon Theatre in Buenos Aires."), ["supported"]);
  });

  test("Should know a subject the sources write another way", () => {
    const index = indexOf({ "a.txt": "Vietnam's exports grew 5 percent in 2023, and U.S. imports fell 3 percent." });
    const verdicts = (draft: string) => checkDocument(index, draft).filter((f) => f.claimKind === "percent").map((f) => f.verdict);
    assert.deepEqual(verdicts("Viet Nam's exports grew 5 percent in 2023."), ["supported"]);
    assert.deepEqual(verdicts("Vietnamese exports grew 7 percent in 2023."), ["contradicted"]);
    assert.deepEqual(verdicts("U. S. imports fell 3 percent."), ["supported"]);
  });
});

describe("one fold of a sentence for both of its scans", () => {
  // Indexing folds a sentence once (foldPreservingOffsets) for its words and, through foldMarksFrom,
  // for its search terms: the search terms must be those the query side's own fold finds.
  const tricky = ["Phạm Minh Chính’s visit", "a\u00a0b\u2026c", "ﬁnancial ﬂows", "Cafe\u0301 au lait", "Ｆｕｌｌ width ２０２４", "“Quoted” — 5.2%", "İstanbul and ǅemal", "plain ascii text, 1,000.5"];
  const sameSearchWords = (text: string) => assert.deepEqual(tokenize(text, foldMarksFrom(text, foldPreservingOffsets(text))), tokenize(text), JSON.stringify(text));

  test("Should give the search the words of its own fold, on text that NFKC or folding changes", () => {
    for (const text of tricky) sameSearchWords(text);
  });

  test("Should give the search the words of its own fold, on any text", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), sameSearchWords), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 80 }), sameSearchWords), { numRuns: 500 });
  });
});
