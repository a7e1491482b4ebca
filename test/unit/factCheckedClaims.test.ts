// How the checker reads a fact-checker's evidence: a number quoted to be refuted, the value put in
// its place, and totals. Fixtures are made-up people and places, in the project's own words.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { checkDocument } from "../../src/core/check/checker.ts";
import type { Finding } from "../../src/core/types.ts";
import { indexOf } from "./helpers/corpus.ts";

function findingOn(files: Record<string, string>, draft: string, span: string): Finding | undefined {
  const start = draft.indexOf(span);
  return checkDocument(indexOf(files), draft).find((f) => f.range.start.character < start + span.length && f.range.end.character > start);
}

describe("a refuted number far from the value that corrects it", () => {
  const evidence = {
    "ferries.txt":
      'Councillor Marrow said, "Ferry crossings from Dunmore are 60 times costlier than those from Kelsall." That is wrong. In fact, a crossing from Dunmore costs just four times as much as one from Kelsall, the harbour board says.',
  };

  test("Should contradict a claim repeating the refuted multiple, and name the source's correction however far apart the two are", () => {
    const finding = findingOn(evidence, "A Dunmore ferry crossing costs 60 times as much as a Kelsall one.", "60 times");
    assert.equal(finding?.verdict, "contradicted");
    assert.match(finding?.message ?? "", /four times/);
  });

  test("Should support the corrected multiple", () => {
    assert.equal(findingOn(evidence, "A Dunmore ferry crossing costs four times as much as a Kelsall one.", "four times")?.verdict, "supported");
  });
});

describe("a total written with 'add up to'", () => {
  const evidence = { "fines.txt": "Adding up the harbour board's list of fines, the total comes to $25 million for the year." };

  test("Should read 'the fines add up to $40 million' as a total, not as a ceiling that $25 million fits under", () => {
    assert.equal(findingOn(evidence, "The harbour board's fines for the year add up to $40 million.", "$40 million")?.verdict, "contradicted");
  });

  test("Should support the total the source gives", () => {
    assert.equal(findingOn(evidence, "The harbour board's fines for the year add up to $25 million.", "$25 million")?.verdict, "supported");
  });
});

describe("a range written with another end", () => {
  const evidence = { "reef.txt": "In 2019 the storm destroyed between 31 and 45 percent of the Kelsall reef's sea grass." };

  test("Should contradict a range one end of which the source does not give, though the two ranges overlap", () => {
    assert.equal(findingOn(evidence, "The 2019 storm destroyed between 21 and 45 percent of the Kelsall reef's sea grass.", "21 and 45 percent")?.verdict, "contradicted");
  });

  test("Should support the range the source gives", () => {
    assert.equal(findingOn(evidence, "The 2019 storm destroyed between 31 and 45 percent of the Kelsall reef's sea grass.", "31 and 45 percent")?.verdict, "supported");
  });
});

describe("two round figures", () => {
  const evidence = { "harbour.txt": "The Kelsall harbour handled about 313 ships last winter, the port authority says." };

  test("Should not take 'about 331 ships' for the source's 'about 313 ships': neither rounds to the other", () => {
    assert.notEqual(findingOn(evidence, "The Kelsall harbour handled about 331 ships last winter.", "331 ships")?.verdict, "supported");
  });

  test("Should still take 'about 310 ships' for it", () => {
    assert.equal(findingOn(evidence, "The Kelsall harbour handled about 310 ships last winter.", "310 ships")?.verdict, "supported");
  });
});

describe("a refuted number another document states about something else", () => {
  const evidence = {
    "anglers.txt":
      'Marrow said that of the unlicensed anglers in Kelsall, "half of them made more than $50,000 a year." In reality, survey data show 28 percent of unlicensed Kelsall anglers earn $50,000. By another measure, almost 38 percent of unlicensed anglers earn at least $50,000. Both figures are far from the 50 percent Marrow cited.',
    "licences.txt": "The survey found that 50 percent of Kelsall anglers are unlicensed, and the harbour board confirms it.",
  };

  test("Should contradict the refuted number, held to the correction of the document that words it best", () => {
    const finding = findingOn(evidence, "Half of unlicensed Kelsall anglers earn more than $50,000.", "Half");
    assert.equal(finding?.verdict, "contradicted");
    assert.match(finding?.message ?? "", /28 percent/);
  });

  test("Should still support the other document's figure about its own subject", () => {
    assert.equal(findingOn(evidence, "Half of Kelsall anglers are unlicensed, the survey found.", "Half")?.verdict, "supported");
  });
});

describe("a value given with its margin of error", () => {
  const evidence = { "tides.txt": "At the Kelsall gauge the harbour water level rose by 4.2 ± 0.6 mm a year, the port authority says." };

  test("Should support the value itself", () => {
    assert.equal(findingOn(evidence, "The harbour water level at the Kelsall gauge rose by 4.2 mm a year.", "4.2 mm")?.verdict, "supported");
  });

  test("Should not take the margin for the value: 'rose by 0.6 mm a year' is not what the source says", () => {
    assert.notEqual(findingOn(evidence, "The harbour water level at the Kelsall gauge rose by 0.6 mm a year.", "0.6 mm")?.verdict, "supported");
  });
});

describe("people counted without the word 'people' after the number", () => {
  const evidence = { "ferries.txt": "Over the decade the Dunmore ferry carried 120,000 cars and 2.6 million who travelled on foot." };

  test("Should support a count of people that the source gives as 'N who'", () => {
    assert.equal(findingOn(evidence, "Over the decade 2.6 million people travelled on the Dunmore ferry on foot.", "2.6 million")?.verdict, "supported");
  });

  test("Should contradict a count of people that swaps the source's digits", () => {
    const finding = findingOn(evidence, "Over the decade 6.2 million people travelled on the Dunmore ferry on foot.", "6.2 million");
    assert.equal(finding?.verdict, "contradicted");
    assert.match(finding?.message ?? "", /2\.6 million/);
  });
});

describe("a forecast of a change", () => {
  const evidence = { "reef.txt": "Marine scientists at Kelsall predict that, left unprotected, the reef's sea grass will shrink by about 4 percent a year over the next decade." };

  test("Should hold a forecast in the draft to the source's forecast, though the source words it 'will shrink by'", () => {
    const finding = findingOn(evidence, "Left unprotected, the Kelsall reef's sea grass is expected to shrink about 9 percent a year over the next decade.", "9 percent");
    assert.equal(finding?.verdict, "contradicted");
    assert.match(finding?.message ?? "", /4 percent/);
  });

  test("Should support the forecast the source gives", () => {
    assert.equal(findingOn(evidence, "Left unprotected, the Kelsall reef's sea grass is expected to shrink about 4 percent a year over the next decade.", "4 percent")?.verdict, "supported");
  });
});

describe("a figure of no stated time beside the draft's year's own figure", () => {
  const evidence = {
    "toll.txt":
      "Critics say Mayor Orrin is pushing a 12 percent toll rise on the Kelsall bridge. When she stood for mayor in 2018, Orrin argued for a 6 percent toll rise on the Kelsall bridge to pay for its repair.",
  };

  test("Should contradict a figure given for that year when the source gives the year another value, though the same number appears elsewhere without a year", () => {
    const finding = findingOn(evidence, "In 2018 Orrin argued for a 12 percent toll rise on the Kelsall bridge.", "12 percent");
    assert.equal(finding?.verdict, "contradicted");
    assert.match(finding?.message ?? "", /6 percent/);
  });

  test("Should support the value the source gives for that year", () => {
    assert.equal(findingOn(evidence, "In 2018 Orrin argued for a 6 percent toll rise on the Kelsall bridge.", "6 percent")?.verdict, "supported");
  });
});
