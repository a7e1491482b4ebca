import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { checkDocument, prepareForChecks } from "../../src/core/check/checker.ts";
import type { Finding } from "../../src/core/types.ts";
import { indexOf, joinLines, sampleIndex } from "./helpers/corpus.ts";

async function verdictsFor(sentence: string): Promise<Finding[]> {
  return checkDocument(await sampleIndex(), sentence);
}

async function verdictOn(sentence: string, span: string): Promise<Finding | undefined> {
  const start = sentence.indexOf(span);
  return (await verdictsFor(sentence)).find((f) => f.range.start.character < start + span.length && f.range.end.character > start);
}

describe("checking figures against the sample corpus", () => {
  test("Should support a figure a source states, with the source line", async () => {
    const finding = await verdictOn("South Korea has invested US$87 billion in Vietnam.", "US$87 billion");
    assert.equal(finding?.verdict, "supported");
    assert.ok(finding.sources.some((s) => s.value.includes("87 billion") && s.path.startsWith("corpus/")));
  });

  test("Should contradict a wrong investment figure and name the source value and line", async () => {
    const finding = await verdictOn("Korean investment in Vietnam totals $68 billion.", "$68 billion");
    assert.equal(finding?.verdict, "contradicted");
    assert.match(finding.message, /^Sources say (US)?\$87 billion \(corpus\/\d{3}_[0-9a-f]+\.txt:\d+\).*, not \$68 billion$/);
    assert.equal(finding.suggestion?.includes("87 billion"), true);
  });

  test("Should respect hedges: nearly $80 billion supports about $80 billion but not $95 billion", async () => {
    assert.equal((await verdictOn("Bilateral trade was about $80 billion in 2023.", "$80 billion"))?.verdict, "supported");
    assert.equal((await verdictOn("Bilateral trade was $79.9 billion in 2023.", "$79.9 billion"))?.verdict, "supported");
    assert.equal((await verdictOn("Bilateral trade was $95 billion in 2023.", "$95 billion"))?.verdict, "contradicted");
  });

  test("Should not compare a 2023 outcome with a target set for a later year", async () => {
    const finding = await verdictOn("Bilateral trade reached $80 billion in 2023.", "$80 billion");
    assert.equal(finding?.verdict, "supported");
  });

  test("Should flag the year when a target is moved, not the amount", async () => {
    const sentence = "The plan aims for US$150 billion in bilateral trade by 2040.";
    const year = await verdictOn(sentence, "2040");
    assert.equal(year?.verdict, "contradicted");
    assert.match(year.message, /2030/);
    assert.notEqual((await verdictOn(sentence, "US$150 billion"))?.verdict, "contradicted");
  });

  test("Should call the $100 billion trade goal disputed: the sources give 2023 and 2025", async () => {
    const finding = await verdictOn("The $100 billion two-way trade goal was set for 2025.", "$100 billion");
    assert.equal(finding?.verdict, "disputed");
    assert.ok(finding.sources.length >= 2);
  });

  test("Should leave a figure no source states unverifiable, never contradicted", async () => {
    for (const [sentence, span] of [
      ["LG Display has invested $5.6 billion in Hai Phong.", "$5.6 billion"],
      ["Vietnam's trade surplus with the United States was $100 billion in 2023.", "$100 billion"],
      ["More than 9,000 Korean companies operate in Vietnam.", "9,000"],
      ["Korea's imports from Vietnam rose 12% in 2024.", "12%"],
    ] as const) {
      const finding = await verdictOn(sentence, span);
      assert.notEqual(finding?.verdict, "contradicted", `${sentence} -> ${finding?.message}`);
    }
  });

  test("Should keep figures in one sentence apart by the words next to each", async () => {
    const sentence = "Korean investment ($87 billion) dwarfs its aid ($4 billion), and trade ($90 billion) keeps growing.";
    assert.equal((await verdictOn(sentence, "$87 billion"))?.verdict, "supported");
    assert.equal((await verdictOn(sentence, "$4 billion"))?.verdict, "supported");
    const trade = await verdictOn(sentence, "$90 billion");
    assert.equal(trade?.verdict, "contradicted");
    assert.match(trade.message, /81\.5/);
  });

  test("Should contradict a wrong date of an event and a wrong rank", async () => {
    assert.equal((await verdictOn("Diplomatic relations were established on December 2, 1992.", "December 2, 1992"))?.verdict, "contradicted");
    assert.equal((await verdictOn("Diplomatic relations were established on December 22, 1992.", "December 22, 1992"))?.verdict, "supported");
    const rank = await verdictOn("Korea ranks as Vietnam's largest trading partner.", "largest");
    assert.equal(rank?.verdict, "contradicted");
    assert.match(rank.message, /third-largest/);
  });

  test("Should contradict a title the sources never give that person", async () => {
    const findings = await verdictsFor("President Pham Minh Chinh met Speaker Woo Won-shik.");
    const title = findings.find((f) => f.claimKind === "name" && f.verdict === "contradicted");
    assert.ok(title, JSON.stringify(findings));
    assert.match(title.message, /Prime Minister/);
    assert.equal(title.range.start.character, 0);
  });

  test("Should report positions in UTF-16 units after emoji and on the right line", async () => {
    const text = joinLines("# Notes", "", "🇻🇳🇰🇷 Investment hit $68 billion.");
    const finding = (await verdictsFor(text)).find((f) => f.verdict === "contradicted");
    assert.deepEqual(finding?.range.start, { line: 2, character: "🇻🇳🇰🇷 Investment hit ".length });
  });

  test("Should skip figures the user asked to ignore", async () => {
    const findings = checkDocument(await sampleIndex(), "Korean investment in Vietnam totals $68 billion.", { ignore: ["$68 billion"] });
    assert.equal(findings.filter((f) => f.verdict === "contradicted").length, 0);
  });
});

describe("checking against inline sources", () => {
  test("Should see a disagreement between two sources on the same quantity", () => {
    const index = indexOf({
      "a.txt": "The bridge cost $2 billion to build in 2019.",
      "b.txt": "Officials said the bridge cost $3 billion to build in 2019.",
    });
    const finding = checkDocument(index, "The bridge cost $2 billion to build in 2019.").find((f) => f.claimKind === "money");
    assert.equal(finding?.verdict, "disputed");
  });

  test("Should compare currencies: won are not dollars", () => {
    const index = indexOf({ "a.txt": "The grant is worth 300 billion won." });
    const finding = checkDocument(index, "The grant is worth $300 billion.").find((f) => f.claimKind === "money");
    assert.notEqual(finding?.verdict, "contradicted");
    assert.notEqual(finding?.verdict, "supported");
  });
});

describe("building the index in slices", () => {
  test("Should give the same verdicts as building it at once", async () => {
    const { CorpusIndex } = await import("../../src/core/index/corpusIndex.ts");
    const whole = await sampleIndex();
    const sliced = await CorpusIndex.buildInSlices(whole.documents, whole.skipped, { sliceMs: 0 });
    const draft = "Korean investment in Vietnam totals $68 billion. The $100 billion two-way trade goal was set for 2025.";
    const summary = (index: typeof whole) => checkDocument(index, draft).map((f) => `${f.verdict}:${f.message}`);
    assert.deepEqual(summary(sliced), summary(whole));
    assert.equal(sliced.search("diplomatic relations")[0]?.sentence.text, whole.search("diplomatic relations")[0]?.sentence.text);
  });
});

/** The finding on the first figure of `draft` whose text contains `span`. */
function findingOn(findings: Finding[], draft: string, span: string): Finding | undefined {
  const start = draft.indexOf(span);
  return findings.find((f) => f.range.start.character < start + span.length && f.range.end.character > start);
}

describe("numbers a source does not stand behind", () => {
  test("Should contradict a claim a fact-check quotes and corrects, naming the correction", () => {
    const index = indexOf({
      "check.txt": 'A campaign flyer says that 64 percent of the town budget goes to roads. In fact, once schools are counted, the share of the budget spent on roads is 18 percent.',
    });
    const draft = "Roads take 64 percent of the town budget.";
    const finding = findingOn(checkDocument(index, draft), draft, "64 percent");
    assert.equal(finding?.verdict, "contradicted");
    assert.match(finding.message, /^Sources say 18 percent/);
  });

  test("Should hold a draft to the value a source gives instead of the one it denies", () => {
    const index = indexOf({ "check.txt": "The frost killed far short of 40 percent of the orchard's trees; inspectors put the loss at 12 percent." });
    const draft = "The frost killed 40 percent of the orchard's trees.";
    const finding = findingOn(checkDocument(index, draft), draft, "40 percent");
    assert.equal(finding?.verdict, "contradicted");
    assert.match(finding.message, /^Sources say 12 percent/);
  });

  test("Should not take the old value of a change as the current one, unless the draft dates it the same", () => {
    const index = indexOf({ "news.txt": "The ferry fare rose from $12 in 2019 to $15 in 2024." });
    const now = "The ferry fare is $12.";
    assert.equal(findingOn(checkDocument(index, now), now, "$12")?.verdict, "contradicted");
    const then = "The ferry fare was $12 in 2019.";
    assert.equal(findingOn(checkDocument(index, then), then, "$12")?.verdict, "supported");
    const change = "The ferry fare went from $12 to $15.";
    assert.equal(findingOn(checkDocument(index, change), change, "$12")?.verdict, "supported");
  });

  test("Should keep a quoted figure as support when the source confirms it", () => {
    const index = indexOf({ "check.txt": 'The mayor said the library lends "about 9,000 books a month." City records show she is correct.' });
    const draft = "The library lends about 9,000 books a month.";
    assert.equal(findingOn(checkDocument(index, draft), draft, "9,000")?.verdict, "supported");
  });
});

describe("disputes", () => {
  test("Should not call one company's figure disputed by another company's", () => {
    const index = indexOf({
      "a.txt": "Fenwick Tools said its sales grew 12% last year.",
      "b.txt": "Harlow Mills said its sales grew 3% last year.",
    });
    const draft = "Fenwick Tools said its sales grew 12% last year.";
    assert.equal(findingOn(checkDocument(index, draft), draft, "12%")?.verdict, "supported");
  });

  test("Should carry a subject over from the sentence before when the figure's own sentence names none", () => {
    const index = indexOf({
      "a.txt": "Fenwick Tools reported its results on Monday.\nPre-tax profit was £40m for the year.",
      "b.txt": "Harlow Mills reported its results on Tuesday.\nPre-tax profit was £9m for the year.",
    });
    const draft = "Fenwick Tools made a pre-tax profit of £40m for the year.";
    assert.equal(findingOn(checkDocument(index, draft), draft, "£40m")?.verdict, "supported");
  });

  test("Should let the newest source hold when dated sources differ, and say so", () => {
    const release = (date: string, count: string) => `---\ntitle: Dunmore jobs\ndate: ${date}\n---\n\nDunmore's jobless rate has stayed under 4 percent for ${count} straight months.\n`;
    const index = indexOf({ "june.md": release("2023-06-02", "16"), "august.md": release("2023-08-04", "18") });
    const current = "Dunmore's jobless rate has stayed under 4 percent for 18 straight months.";
    const finding = findingOn(checkDocument(index, current), current, "18");
    assert.equal(finding?.verdict, "supported");
    assert.match(finding.message, /newest source \(2023-08-04\)/);
    const stale = "Dunmore's jobless rate has stayed under 4 percent for 16 straight months.";
    const old = findingOn(checkDocument(index, stale), stale, "16");
    assert.notEqual(old?.verdict, "supported");
    assert.match(old?.message ?? "", /newest source \(2023-08-04\) says 18/);
  });

  test("Should still see two sources disagree about the same subject", () => {
    const index = indexOf({
      "a.txt": "Fenwick Tools employs 1,200 workers at its Leeds plant.",
      "b.txt": "Fenwick Tools employs 1,900 workers at its Leeds plant.",
    });
    const draft = "Fenwick Tools employs 1,200 workers at its Leeds plant.";
    assert.equal(findingOn(checkDocument(index, draft), draft, "1,200")?.verdict, "disputed");
  });
});

describe("contradictions", () => {
  test("Should support a figure a source states even when a closer-worded amount of another size exists", () => {
    const index = indexOf({
      "a.txt": "Dredging at Port Ellis will cost the county $7 million, officials said.",
      "b.txt": "The Port Ellis harbour dredging programme will cost $900 billion.",
    });
    const draft = "The Port Ellis harbour dredging programme will cost $7 million.";
    assert.equal(findingOn(checkDocument(index, draft), draft, "$7 million")?.verdict, "supported");
  });
});

describe("exact figures and bounds", () => {
  test("Should hold an exact draft figure to a source's exact value, not to another source's bound", () => {
    const index = indexOf({
      "a.txt": "The county cancelled the loans of more than 800,000 Dunmore borrowers last week.",
      "b.txt": "The county cancelled the loans of 804,000 Dunmore borrowers last week.",
    });
    const draft = "The county cancelled the loans of 840,000 Dunmore borrowers last week.";
    const finding = findingOn(checkDocument(index, draft), draft, "840,000");
    assert.equal(finding?.verdict, "contradicted");
    assert.match(finding.message, /^Sources say 804,000/);
    const right = "The county cancelled the loans of 804,000 Dunmore borrowers last week.";
    assert.equal(findingOn(checkDocument(index, right), right, "804,000")?.verdict, "supported");
  });
});

describe("figures written in other forms", () => {
  test("Should support a percentage with a source that says it as a share in words, and contradict a wrong one", () => {
    const index = indexOf({ "survey.txt": "One in five riders in Dunmore walks to work, the transit survey found." });
    const right = "The survey found that 20 percent of Dunmore riders walk to work.";
    assert.equal(findingOn(checkDocument(index, right), right, "20 percent")?.verdict, "supported");
    const wrong = "The survey found that 45 percent of Dunmore riders walk to work.";
    assert.equal(findingOn(checkDocument(index, wrong), wrong, "45 percent")?.verdict, "contradicted");
  });

  test("Should not hold a change in percentage points to a percentage level", () => {
    const index = indexOf({ "report.txt": "Turnout in Dunmore fell 3 percentage points to 61%." });
    const draft = "Turnout in Dunmore fell 3% at the election.";
    assert.notEqual(findingOn(checkDocument(index, draft), draft, "3%")?.verdict, "supported");
  });
});

describe("the subject of a draft figure", () => {
  const index = () => indexOf({ "road.txt": "A lower speed limit on Dunmore's ring road would save 14 lives a year, the council's study found." });

  test("Should not take a sentence-initial verb or contraction for a subject the sources never name", () => {
    for (const draft of ["Lowering the speed limit on the Dunmore ring road would save 14 lives a year.", "Don't doubt it: a lower limit on the Dunmore ring road would save 14 lives a year."]) {
      assert.equal(findingOn(checkDocument(index(), draft), draft, "14")?.verdict, "supported", draft);
    }
  });

  test("Should not take a first word the sources never use for a subject, unless it reads as a name", () => {
    const ordinary = "Motorists would see 14 lives a year saved by a lower limit on the Dunmore ring road.";
    assert.equal(findingOn(checkDocument(index(), ordinary), ordinary, "14")?.verdict, "supported");
    const named = "Kelsall's ring road would save 14 lives a year with a lower limit.";
    assert.equal(findingOn(checkDocument(index(), named), named, "14")?.verdict, "unverifiable");
  });

  test("Should not take a weekday for a subject the sources never name", () => {
    const draft = "The council's study, published on Thursday, found a lower limit on the Dunmore ring road would save 14 lives a year.";
    assert.equal(findingOn(checkDocument(index(), draft), draft, "14")?.verdict, "supported");
  });
});

describe("the subject of a draft figure, written as a place", () => {
  test("Should let a source that never names its own country speak for a figure the draft gives to \"UK\"", () => {
    const index = indexOf({
      "home.txt": "The goods trade deficit widened to £41 billion in 2019, the statistics office said.",
      "abroad.txt": "Norway's goods trade surplus narrowed to £12 billion in 2019.",
    });
    const right = "The UK goods trade deficit widened to £41 billion in 2019.";
    assert.equal(findingOn(checkDocument(index, right), right, "£41 billion")?.verdict, "supported");
    const wrong = "The UK goods trade deficit widened to £47 billion in 2019.";
    assert.equal(findingOn(checkDocument(index, wrong), wrong, "£47 billion")?.verdict, "contradicted");
  });
});

describe("a home country", () => {
  test("Should not hold a figure the draft gives to \"UK\" to a source about another country", () => {
    const index = indexOf({ "germany.txt": "German unemployment rose 7,000 in November, the labour agency said." });
    const draft = "UK unemployment rose 32,000 in November.";
    assert.notEqual(findingOn(checkDocument(index, draft), draft, "32,000")?.verdict, "contradicted");
  });
});

describe("measure words", () => {
  test("Should not take a verb for the measure it is spelt like ('were spending less time' is not spending)", () => {
    const index = indexOf({ "survey.txt": "In Dunmore homes with a new library card, 30% said they were spending more evenings reading." });
    const draft = "In Dunmore, 30% of homes with a new library card read on more evenings.";
    assert.equal(findingOn(checkDocument(index, draft), draft, "30%")?.verdict, "supported");
  });
});

describe("a figure among many alike", () => {
  test("Should hold a figure to the document its paragraph was found in, when many documents word it alike", () => {
    const report = (town: string, grant: string, cost: string) => `${town} won a transit grant of ${grant} this spring, ${town}'s council said. The whole project is costed at ${cost}.`;
    const index = indexOf({
      "a.txt": report("Dunmore", "$2.1 billion", "$6.4 billion"),
      "b.txt": report("Kelsall", "$0.8 billion", "$3.2 billion"),
      "c.txt": report("Harlow", "$1.5 billion", "$5.9 billion"),
    });
    const draft = "Dunmore won a transit grant of $2.1 billion this spring. The whole project is costed at $4.6 billion.";
    const finding = findingOn(checkDocument(index, draft), draft, "$4.6 billion");
    assert.equal(finding?.verdict, "contradicted");
    assert.match(finding.message, /^Sources say \$6\.4 billion/);
  });
});

describe("figures of one sentence", () => {
  test("Should hold a rank to its own noun, not to another rank of the sentence its companion was found in", async () => {
    // The sample: one source sentence ranks Korea largest investor and third-largest trading partner, and states the trade.
    const index = await sampleIndex();
    const draft = "Two-way trade reached US$81.5 billion, which makes Korea Vietnam's largest trading partner.";
    const finding = findingOn(checkDocument(index, draft), draft, "largest");
    assert.equal(finding?.verdict, "contradicted");
    assert.match(finding.message, /third-largest/);
  });
  test("Should support a figure stated in the very source sentence its companions were found in, however that sentence words it", () => {
    const index = indexOf({
      "fares.txt":
        "The Dunmore ferry company changed its island surcharge this winter. In March the company took it from $3 to $5 for every return crossing to the island, while the harbour surcharge was raised from $1.20 to $2 a trip.",
    });
    const draft = "Dunmore's ferry company raised its island surcharge from $3 to $5 a return crossing, and its harbour surcharge to $2.";
    const findings = checkDocument(index, draft);
    assert.equal(findingOn(findings, draft, "$3")?.verdict, "supported");
    assert.equal(findingOn(findings, draft, "$5")?.verdict, "supported");
    const wrong = "Dunmore's ferry company raised its island surcharge from $3 to $5 a return crossing, and its harbour surcharge to $2.50.";
    assert.equal(findingOn(checkDocument(index, wrong), wrong, "$2.50")?.verdict, "contradicted");
  });

  test("Should not hold a figure to a source value that another figure of the same sentence states", () => {
    const index = indexOf({
      "yearly.txt": "Port figures showed that harbour traffic at Dunmore, on a yearly basis, fell 0.8% in the spring quarter.",
      "quarter.txt": "Harbour traffic in Dunmore slipped 0.2% between April and June, the port said.",
    });
    const draft = "Dunmore harbour traffic fell 0.2% in the spring quarter, a yearly fall of 0.8%.";
    const findings = checkDocument(index, draft);
    assert.notEqual(findingOn(findings, draft, "0.2%")?.verdict, "contradicted");
    assert.equal(findingOn(findings, draft, "0.8%")?.verdict, "supported");
  });
});

describe("goals and outcomes", () => {
  test("Should not read a goal into a figure because a programme's name contains 'Plan'", () => {
    const index = indexOf({ "rents.txt": "The Greenway Housing Plan cut average rents in Dunmore by 7% last year." });
    const draft = "Average rents in Dunmore fell 7% last year under the housing scheme.";
    assert.equal(findingOn(checkDocument(index, draft), draft, "7%")?.verdict, "supported");
  });

  test("Should leave an expectation with the figure it leads on to, not the amount before it", () => {
    const index = indexOf({ "mill.txt": "Harlow Paper will make a $40 million upgrade that is expected to create 120 jobs at its mill." });
    const draft = "Harlow Paper is making a $40 million upgrade to its mill.";
    assert.equal(findingOn(checkDocument(index, draft), draft, "$40 million")?.verdict, "supported");
    const far = indexOf({ "quay.txt": "Dunmore council will make a $9 million investment that is expected to bring the town 80 jobs." });
    const farDraft = "Dunmore council is making a $9 million investment in the town.";
    assert.equal(findingOn(checkDocument(far, farDraft), farDraft, "$9 million")?.verdict, "supported");
    const goal = "Harlow Paper expects to put $25 million into its mill.";
    assert.notEqual(findingOn(checkDocument(index, goal), goal, "$25 million")?.verdict, "contradicted");
  });
});

describe("what a figure is about", () => {
  test("Should not let a name in another item of a semicolon list hide a figure's support", () => {
    const index = indexOf({ "grants.txt": "The harbour at Dunmore received $5 million for a new quay." });
    const draft = "Grants this year: Bellingrath Castle got new roofs; $5 million went to the Dunmore harbour for a new quay.";
    assert.equal(findingOn(checkDocument(index, draft), draft, "$5 million")?.verdict, "supported");
    const unknown = "Grants this year: $5 million went to the Bellingrath harbour for a new quay.";
    assert.equal(findingOn(checkDocument(index, unknown), unknown, "$5 million")?.verdict, "unverifiable");
  });

  test("Should not take an organisation for unknown when the sources use every word of its name", () => {
    const index = indexOf({ "quay.txt": "The Harbour Committee of Dunmore approved the new quay on May 3, 2024." });
    const draft = "The Dunmore Harbour Committee approved the new quay on May 3, 2024.";
    assert.equal(findingOn(checkDocument(index, draft), draft, "May 3, 2024")?.verdict, "supported");
    const unknown = "The Kelsall Harbour Committee approved the new quay on May 3, 2024.";
    assert.equal(findingOn(checkDocument(index, unknown), unknown, "May 3, 2024")?.verdict, "unverifiable");
  });

  test("Should take an abbreviation for the name the sources write out in full", () => {
    const index = indexOf({ "port.txt": "The Dunmore Harbour Authority awarded $3 million for dredging the channel." });
    const draft = "For dredging the channel, the DHA awarded $3 million.";
    assert.equal(findingOn(checkDocument(index, draft), draft, "$3 million")?.verdict, "supported");
    const unknown = "For dredging the channel, the KPB awarded $3 million.";
    assert.equal(findingOn(checkDocument(index, unknown), unknown, "$3 million")?.verdict, "unverifiable");
  });

  test("Should give the same verdicts when the index's tables were prepared before the first check", () => {
    const index = indexOf({ "port.txt": "The Dunmore Port-Harbour Authority awarded $3 million for dredging the channel." });
    prepareForChecks(index);
    const draft = "For dredging the channel, the DPHA awarded $3 million.";
    assert.equal(findingOn(checkDocument(index, draft), draft, "$3 million")?.verdict, "supported");
    const unknown = "For dredging the channel, the KPB awarded $3 million.";
    assert.equal(findingOn(checkDocument(index, unknown), unknown, "$3 million")?.verdict, "unverifiable");
  });

  test("Should support a count whose thing is named elsewhere in the sentence", () => {
    const index = indexOf({ "plant.txt": "The Dunmore battery plant will create 600 jobs." });
    const draft = "The Dunmore battery plant brings jobs, 600 of them.";
    assert.equal(findingOn(checkDocument(index, draft), draft, "600")?.verdict, "supported");
    const other = "The Dunmore battery plant will build 600 homes.";
    assert.notEqual(findingOn(checkDocument(index, other), other, "600")?.verdict, "supported");
  });
});

describe("measures in other words", () => {
  test("Should take the jobless rate for the unemployment rate, and not for another rate", () => {
    const index = indexOf({ "labour.txt": "Dunmore's unemployment rate was 4.2% in May, the town's labour office said." });
    const draft = "The jobless rate in Dunmore stood at 4.2% in May.";
    assert.equal(findingOn(checkDocument(index, draft), draft, "4.2%")?.verdict, "supported");
    const other = "Dunmore's inflation rate stood at 4.2% in May.";
    assert.notEqual(findingOn(checkDocument(index, other), other, "4.2%")?.verdict, "supported");
  });
});
