// Behaviour found on a writer's briefing drafted from real government releases (issue 12): how
// sources are read, how figures and their times are read, how years and titles get verdicts.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { checkDocument } from "../../src/core/check/checker.ts";
import { extractFigures } from "../../src/core/extract/figures.ts";
import { extractNames } from "../../src/core/extract/names.ts";
import { contextOf } from "../../src/core/extract/figureContext.ts";
import type { CorpusIndex } from "../../src/core/index/corpusIndex.ts";
import type { Finding } from "../../src/core/types.ts";
import { indexOf } from "./helpers/corpus.ts";

function verdictOn(index: CorpusIndex, sentence: string, span: string): Finding | undefined {
  const start = sentence.indexOf(span);
  assert.ok(start >= 0, `${span} is not in ${sentence}`);
  return checkDocument(index, sentence).find((f) => f.range.start.character < start + span.length && f.range.end.character > start);
}

describe("reading sources as a writer reads them", () => {
  test("Should take a statement's title as its subject: a first-person release supports what the draft attributes to its speaker", () => {
    const index = indexOf({
      "harvest.md": "---\ntitle: Statement from Governor Ada Moss on the Harvest\ndate: '2024-09-02'\n---\n\nOur farms brought in 4.2 million tonnes of grain this year, a record.\n",
      "roads.md": "---\ntitle: Road repairs\n---\n\nCrews resurfaced 310 miles of road.\n",
    });
    const finding = verdictOn(index, "The Governor said farms brought in 4.2 million tonnes of grain this year.", "4.2 million");
    assert.equal(finding?.verdict, "supported");
  });
});

describe("reading figures as a writer writes them", () => {
  test("Should read a bare number of thousands as a count, not an amount of money ('rose by 900 thousand')", () => {
    const [figure] = extractFigures("Sign-ups rose by 900 thousand, or 53 percent.");
    assert.equal(figure?.kind, "count");
    assert.equal(figure?.value, 900_000);
  });

  test("Should keep a bare number of millions an amount, as business news writes it ('profits of 5bn')", () => {
    const [figure] = extractFigures("The company's profits reached 5bn, a record.");
    assert.equal(figure?.kind, "money");
  });

  test("Should read a bare number of millions in a clause about jobs or people as a count ('put job creation at 2.7 million')", () => {
    const [figure] = extractFigures("The mayor put job creation since the plan began at 2.7 million.");
    assert.equal(figure?.kind, "count");
    assert.equal(figure?.value, 2_700_000);
    const index = indexOf({ "jobs.md": "The region has added 2.7 million jobs since the plan began.\n" });
    assert.equal(verdictOn(index, "The mayor put job creation since the plan began at 2.7 million.", "2.7 million")?.verdict, "supported");
  });

  test("Should count mergers and deals as the same things ('a study of nearly three dozen deals' is a source's 'three dozen mergers')", () => {
    const index = indexOf({ "study.md": "A review of nearly three dozen large mergers found that most of them raised prices.\n" });
    const finding = verdictOn(index, "One review of nearly three dozen deals found that most raised prices.", "three dozen");
    assert.equal(finding?.verdict, "supported");
  });

  test("Should count an office's holders whatever its form: '9 chief executives' is contradicted by a source's '11 Chief Executive Officers'", () => {
    const [figure] = extractFigures("The council named 9 chief executives and chairs.");
    assert.equal(figure?.unit, "chief executive");
    const index = indexOf({ "council.md": "The Harbour Council has appointed 11 Chief Executive Officers and Chairs who will sit on the council.\n" });
    const finding = verdictOn(index, "The Harbour Council appointed 9 chief executives and chairs to sit on the council.", "9 chief");
    assert.equal(finding?.verdict, "contradicted");
  });

  test("Should read people a plant should employ as the jobs a source expects it to create ('employ 900 people' vs '700 new jobs')", () => {
    const [figure] = extractFigures("The mill should employ 900 people.");
    assert.equal(figure?.unit, "job");
    const index = indexOf({
      "mill.md": "Northwind Paper will build a mill in Alder County through a $95 million investment that is expected to create 700 new jobs.\n",
      "roads.md": "Crews resurfaced 310 miles of road in the spring.\n",
    });
    const finding = verdictOn(index, "Northwind Paper's $95 million mill in Alder County should employ 900 people.", "900 people");
    assert.equal(finding?.verdict, "contradicted");
  });

  test("Should read how often something happens as times a year ('twice a year', 'three times a month', 'quarterly')", () => {
    const read = (text: string) => extractFigures(text).map((f) => `${f.value} ${f.unit}`);
    assert.deepEqual(read("The board is to meet twice a year."), ["2 a year"]);
    assert.deepEqual(read("The panel meets three times a month."), ["36 a year"]);
    assert.deepEqual(read("The board will be held quarterly at the capital."), ["4 a year"]);
  });

  test("Should not read 'annually' after an amount, or 'quarterly' before a noun, as how often something happens", () => {
    assert.deepEqual(extractFigures("The fund pays $4 billion annually.").map((f) => f.unit), ["USD"]);
    assert.deepEqual(extractFigures("Its quarterly earnings rose."), []);
  });

  test("Should keep a bare number of millions money when the clause names a currency ('$3 for workers, 5 million in all')", () => {
    const [, figure] = extractFigures("The fund paid $3 per hour to workers, 5 million in all.");
    assert.equal(figure?.kind, "money");
  });
});

describe("the time a figure refers to", () => {
  const tunnel = indexOf({
    "tunnel.md": "The old tunnel carries at most 24 trains per hour.\n\nIn 2012 a storm flooded the tunnel with salt water.\n",
  });

  test("Should not date a figure by a year in the next clause: '32 trains an hour, and a storm in 2012' is still held to 24", () => {
    const finding = verdictOn(tunnel, "The old tunnel carries 32 trains per hour, and a storm flooded it with salt water in 2012.", "32 trains");
    assert.equal(finding?.verdict, "contradicted");
    assert.match(finding!.message, /24/);
  });
});

describe("years that time another figure", () => {
  const tunnel = indexOf({
    "tunnel.md": "The tunnel opened for service in 1910.\n\nIt carries more than 200,000 passenger trips each weekday.\n",
    "signups.md": "Enrolment rose by 900,000, or 53%, from 2020 to 2022.\n",
  });

  test("Should check a year as a date of its own when no source dates the figure it times ('opened in 1910 and carries 200,000 trips')", () => {
    const finding = verdictOn(tunnel, "The tunnel opened in 1910 and carries more than 200,000 passenger trips each weekday.", "1910");
    assert.equal(finding?.verdict, "supported");
  });

  test("Should not support a span of years by another span that ends alike ('between 2019 and 2022' is not 'from 2020 to 2022')", () => {
    const finding = verdictOn(tunnel, "Enrolment rose by 53% between 2019 and 2022.", "2019");
    assert.notEqual(finding?.verdict, "supported");
  });
});

describe("units of measure and shares in words", () => {
  const releases = indexOf({
    "bridge.md": "The grant funds a new 100-foot road bridge over the rail line.\n\nThe solar projects in the province will generate over 500 megawatts of power.\n",
    "prices.md": "Inflation has fallen by two thirds, real wages are higher than before the pandemic.\n\nThe average copayment rose by 20 percent between 2005 and 2021.\n",
  });

  test("Should read one length in two units and forms as one figure ('100 feet' is 'a 100-foot bridge')", () => {
    assert.equal(verdictOn(releases, "The grant pays for a road bridge of about 100 feet over the rail line.", "100 feet")?.verdict, "supported");
  });

  test("Should contradict a unit error: 500 gigawatts where the source says 500 megawatts", () => {
    const finding = verdictOn(releases, "The solar projects in the province will generate over 500 gigawatts of power.", "500 gigawatts");
    assert.equal(finding?.verdict, "contradicted");
    assert.match(finding!.message, /500 megawatts/);
  });

  test("Should read a share of a scale or a unit: 'half a billion dollars', 'half a century'", () => {
    const [money] = extractFigures("The firm committed half a billion dollars.");
    assert.deepEqual([money?.kind, money?.value, money?.unit], ["money", 5e8, "USD"]);
    const [span] = extractFigures("It was the longest stretch in half a century.");
    assert.deepEqual([span?.kind, span?.value, span?.unit], ["count", 50, "year"]);
  });

  test("Should read a change by a share as a percentage ('rose by almost a fifth', 'cut by more than half'), not 'the third quarter'", () => {
    assert.deepEqual(extractFigures("The copayment rose by almost a fifth.").map((f) => [f.kind, f.value]), [["percent", 20]]);
    assert.deepEqual(extractFigures("Inflation was cut by more than half.").map((f) => [f.kind, f.value]), [["percent", 50]]);
    assert.deepEqual(extractFigures("Growth picked up in the third quarter.").filter((f) => f.kind === "percent"), []);
    assert.equal(verdictOn(releases, "The average copayment rose by almost a fifth between 2005 and 2021.", "a fifth")?.verdict, "supported");
  });

  test("Should not take a measure word in the next clause for the figure's own ('fallen by two thirds, real wages are higher')", () => {
    assert.equal(verdictOn(releases, "By then inflation had come down by two-thirds.", "two-thirds")?.verdict, "supported");
  });
});

describe("measures and abbreviations in other words", () => {
  const releases = indexOf({
    "gdp.md": "Today's report shows that the economy grew at a 2.4 percent annual rate in the second quarter.\n\nUS imports grew 16% to $1.76 trillion.\n",
    "fund.md": "The Environmental Protection Agency will distribute over $5 billion to replace diesel school buses.\n",
  });

  test("Should hold 'growth at a 2.4% pace' to a source that says the economy grew 2.4%", () => {
    assert.equal(verdictOn(releases, "The report showed growth at a 2.4% annual pace in the second quarter.", "2.4%")?.verdict, "supported");
  });

  test("Should not make the level a growth rate: 'imports grew 16% to $1.67 trillion' is held to $1.76 trillion", () => {
    assert.equal(verdictOn(releases, "US imports grew 16% to $1.67 trillion.", "$1.67 trillion")?.verdict, "contradicted");
  });

  test("Should know an abbreviation in the possessive of a name the sources write out ('EPA's program')", () => {
    assert.equal(verdictOn(releases, "Over five years the EPA's program will hand out more than 5 billion dollars for school buses.", "5 billion dollars")?.verdict, "supported");
  });
});

describe("titles written around a name", () => {
  test("Should read a title in apposition after a body's possessive ('Ann Lee, the Trade Council's Coordinator for Exports')", () => {
    const [person] = extractNames("It was led by Dr. Ann Lee, the Trade Council's Coordinator for Exports, and met twice.").filter((n) => n.kind === "person");
    assert.equal(person?.text, "Ann Lee");
    assert.match(person?.title ?? "", /coordinator/);
  });

  test("Should read an office a sentence gives after the name ('named X as the new Coordinator', 'X was named Coordinator')", () => {
    for (const sentence of ["The agency announced Jo B. Carter as the new Harbour Fund Coordinator.", "Jo B. Carter was named Harbour Fund Coordinator."]) {
      const [person] = extractNames(sentence).filter((n) => n.kind === "person");
      assert.equal(person?.text, "Jo B. Carter", sentence);
      assert.match(person?.title ?? "", /coordinator of harbour fund/, sentence);
    }
  });

  test("Should not join a place's possessive to an office after it ('South Korea's National Assembly Speaker' is the Assembly's Speaker)", () => {
    const names = extractNames("He met South Korea's National Assembly Speaker Woo Won-shik on July 2.");
    assert.ok(!names.some((n) => (n.title ?? "").includes("korea")), JSON.stringify(names));
  });

  test("Should support a title the sources give after the name as the draft writes it", () => {
    const index = indexOf({ "deals.html.md": "Today, the agency announced Jo B. Carter as the new Harbour Fund Coordinator.\n" });
    assert.equal(verdictOn(index, "Jo B. Carter was named Harbour Fund Coordinator.", "Jo B. Carter")?.verdict, "supported");
  });
});

describe("clauses", () => {
  test("Should end a clause at a dash: words after 'twenty years—' describe the next figure ('up from lows not seen in 45 years')", () => {
    const index = indexOf({ "speech.md": "Employment has risen to highs not seen in twenty years\u2014up from lows not seen in 45 years.\n" });
    assert.equal(verdictOn(index, "Employment had recovered from lows not seen in 45 years.", "45 years")?.verdict, "supported");
  });
});

describe("shares inside Markdown links", () => {
  test("Should read a share whose words are a link's text ('fallen by [two thirds](…)') and hold 'by half' to it", () => {
    const index = indexOf({ "speech.md": "The share of chips made here has fallen by [two\nthirds](https://example.org/report) since the 1990s.\n" });
    const finding = verdictOn(index, "The share of chips made here has shrunk by half since the 1990s.", "half");
    assert.equal(finding?.verdict, "contradicted");
    assert.match(finding!.message, /two\s+thirds/);
  });
});

describe("numbers written as words a writer uses", () => {
  test("Should read 'in a decade' and 'the next decade' as ten years, and hold 'in fifteen years' to it", () => {
    assert.deepEqual(extractFigures("the largest increases in a decade").filter((f) => f.kind === "count").map((f) => [f.value, f.unit]), [[10, "year"]]);
    assert.deepEqual(extractFigures("It happened a year ago.").length, 0);
    const index = indexOf({ "pell.md": "We secured the largest increases to Pell Grants in a decade.\n" });
    assert.equal(verdictOn(index, "We secured the largest increases to Pell Grants in fifteen years.", "fifteen years")?.verdict, "contradicted");
  });

  test("Should read 'four dozen' as 48 and 'roughly doubled' as a rise of about 100 percent", () => {
    assert.deepEqual(extractFigures("nearly four dozen mergers").map((f) => [f.value, f.unit]), [[48, "merger"]]);
    const [doubled] = extractFigures("Spending has roughly doubled since 2021.");
    assert.deepEqual([doubled?.kind, doubled?.value, doubled?.qualifier], ["percent", 100, "approximately"]);
  });
});

describe("years across a dash", () => {
  test("Should not date the figure after a dash by the goal's year before it ('by 50% … by 2025—which would mean an extra $100 billion')", () => {
    const sentence = "We set a goal of increasing by 50% the amount of federal contracting dollars that go to small and disadvantaged local businesses by 2025\u2014which would translate to an additional $100 billion for them.";
    const figures = extractFigures(sentence);
    const timeOf = (text: string) => contextOf(figures.find((f) => f.text === text)!, sentence, figures).time?.figure.text;
    assert.equal(timeOf("$100 billion"), undefined);
    assert.equal(timeOf("50%"), "2025");
  });
});

describe("a source's own date as the time of its figures", () => {
  const index = indexOf({
    "q4.md": "---\ntitle: Statement on the fourth quarter\ndate: '2024-01-25'\n---\n\nToday we learned that the economy grew over the past year while adding another 2.7 million jobs.\n",
  });

  test("Should hold a figure the draft dates 2023 to a release of January 2024 on 'the past year'", () => {
    const finding = verdictOn(index, "For the whole of 2023 the economy added 3.7 million jobs.", "3.7 million");
    assert.equal(finding?.verdict, "contradicted");
    assert.match(finding!.message, /2\.7 million/);
  });

  test("Should not hold a figure dated years before the release to it", () => {
    assert.notEqual(verdictOn(index, "In 2019 the economy added 3.7 million jobs.", "3.7 million")?.verdict, "contradicted");
  });
});

describe("a year that opens the sentence", () => {
  test("Should date the figures of the first clause by a year that opens the sentence, however far ('By 2030, … could create 90 million jobs')", () => {
    const sentence = "By 2030, overall investments in these four sectors alone could help reduce greenhouse gas emissions substantially and could create an estimated 90 million new jobs in developing countries.";
    const figures = extractFigures(sentence);
    const jobs = figures.find((f) => f.text.startsWith("90"))!;
    assert.equal(contextOf(jobs, sentence, figures).time?.figure.text, "2030");
  });
});

describe("dates given to the month", () => {
  test("Should not contradict 'started in May 2016' with a bare year of another sentence ('starting in 2025')", () => {
    const index = indexOf({ "speech.md": "The new cap will save seniors an estimated $400 per year on drug costs starting in 2025.\n" });
    assert.notEqual(verdictOn(index, "The environmental review, started in May 2016, took five years.", "May 2016")?.verdict, "contradicted");
  });

  test("Should still contradict a month and year by a source that gives the month ('completed in May 2020' against 'May 2021')", () => {
    const index = indexOf({ "tunnel.md": "The review was completed in May 2021 after years of delay.\n" });
    assert.equal(verdictOn(index, "The review was completed in May 2020 after years of delay.", "May 2020")?.verdict, "contradicted");
  });
});

describe("runs given as their last place", () => {
  test("Should read 'the twelfth straight monthly decline' as a run of 12 months, and hold it to '12 months in a row'", () => {
    assert.deepEqual(extractFigures("It was the twelfth straight monthly decline.").map((f) => [f.kind, f.value, f.unit]), [["count", 12, "month"]]);
    assert.deepEqual(extractFigures("Growth picked up in the second quarter.").filter((f) => f.kind === "count"), []);
    const index = indexOf({ "cpi.md": "Annual inflation has now declined every month for 12 months in a row.\n" });
    assert.equal(verdictOn(index, "Annual inflation fell for the twelfth straight month.", "twelfth")?.verdict, "supported");
  });

  test("Should read only real unit names as measures: 'MW' is a unit, 'homes' and 'am' are not", () => {
    assert.deepEqual(extractFigures("a 50 MW plant").map((f) => [f.value, f.unit]), [[5e7, "watts"]]);
    assert.deepEqual(extractFigures("It powers 500 homes at 9 am.").map((f) => [f.value, f.unit]), [[500, "home"], [9, "am"]]);
  });
});

describe("a bound the draft writes", () => {
  test("Should not take a draft's 'more than' figure as supported by any larger figure of the sentence its companions came from", () => {
    const index = indexOf({
      "trade.md": "Since the spring summit, exporters have closed 40 new deals worth $5.7 billion.\n\nThe lending agency now has more than $2.4 billion in active loans across the region.\n",
    });
    const draft = "Exporters closed 40 new deals worth $5.7 billion, and the lending agency has more than $4.2 billion in active loans.";
    const finding = verdictOn(index, draft, "$4.2 billion");
    assert.notEqual(finding?.verdict, "supported", finding?.message);
    assert.equal(verdictOn(index, "The lending agency has more than $2 billion in active loans.", "$2 billion")?.verdict, "supported");
  });
});

describe("goals and outcomes", () => {
  test("Should hold a scheduled date to the source's date: a hearing 'planned for' one day is not a goal the source's date cannot contradict", () => {
    const index = indexOf({ "hearing.md": "On May 14, the Senate Committee on Housing will hold its first-ever hearing on rental fees.\n" });
    const finding = verdictOn(index, "The Senate housing committee planned its first hearing on rental fees for May 18.", "May 18");
    assert.equal(finding?.verdict, "contradicted");
    assert.ok(finding?.message.includes("May 14"), finding?.message);
  });

  test("Should keep a deadline a goal: 'by 2030' in the draft is not contradicted by a year something happened", () => {
    const [figure] = extractFigures("The city wants every bus electric by 2030.");
    assert.ok(figure);
    assert.equal(contextOf(figure, "The city wants every bus electric by 2030.", [figure]).isTarget, true);
  });

  test("Should read a figure compared with what was expected as an outcome ('more than had been expected')", () => {
    const index = indexOf({ "exports.md": "Exports rose 4.1% in May, more than had been expected by most forecasters.\n" });
    const finding = verdictOn(index, "In May exports grew by 4.7%.", "4.7%");
    assert.equal(finding?.verdict, "contradicted");
  });
});

describe("figures about different things", () => {
  test("Should not hold one count of households against another when nothing but the noun ties them", () => {
    const index = indexOf({ "fees.md": "The bureau's new rule on late fees will save 33 million households about $200 a year.\n" });
    const finding = verdictOn(index, "About 44 million households in the country rent their homes.", "44 million");
    assert.notEqual(finding?.verdict, "contradicted", finding?.message);
    assert.equal(verdictOn(index, "The bureau's rule on late fees will save 38 million households money.", "38 million")?.verdict, "contradicted");
  });
});

describe("hedges", () => {
  test("Should not tie two figures by their hedge alone ('roughly 30 percent' of visitors is not 'roughly 80 percent' of buses)", () => {
    const index = indexOf({ "city.md": "Roughly 80 percent of the city's buses now run on electricity.\n" });
    const finding = verdictOn(index, "Roughly 30 percent of visitors arrive by train.", "30 percent");
    assert.notEqual(finding?.verdict, "contradicted", finding?.message);
    assert.equal(verdictOn(index, "Nearly 80 percent of the city's buses run on electricity.", "80 percent")?.verdict, "supported");
  });
});

describe("words that only give a value", () => {
  test("Should not tie two amounts by 'worth' alone: a pipeline 'worth $99 billion' is not held to investment 'worth $500 billion'", () => {
    const index = indexOf({ "investment.md": "Companies have committed $500 billion worth of private investment in chip plants.\n" });
    const finding = verdictOn(index, "The rail pipeline is worth some $99 billion.", "$99 billion");
    assert.notEqual(finding?.verdict, "contradicted", finding?.message);
    assert.equal(verdictOn(index, "Companies committed $450 billion worth of private investment in chip plants.", "$450 billion")?.verdict, "contradicted");
  });
});

describe("titles after a name", () => {
  test("Should show a title written after the name ('Ada Moss, director of …') as supported where the writer hovers: on the title too", () => {
    const index = indexOf({ "parks.md": "Ada Moss, director of the National Parks Office, said visits rose by 12 percent.\n" });
    const draft = "The report was presented by Ada Moss, director of the National Parks Office, in May.";
    assert.equal(verdictOn(index, draft, "director of the National Parks Office")?.verdict, "supported");
    assert.equal(verdictOn(index, "Ada Moss was named National Parks Office director in May.", "National Parks Office director")?.verdict, "supported");
  });
});

describe("numbers written with 'a'", () => {
  test("Should read 'over a billion dollars' and 'a dozen months' as figures a source's '$1 billion' and '12 months' support", () => {
    const [money] = extractFigures("The bridge is backed by over a billion dollars of federal money.");
    assert.equal(money?.kind, "money");
    assert.equal(money?.value, 1e9);
    assert.equal(money?.qualifier, "more-than");
    const [months] = extractFigures("Prices fell for a dozen consecutive months.");
    assert.equal(months?.value, 12);
    assert.equal(months?.unit, "month");
    const index = indexOf({ "bridge.md": "The new harbour bridge is supported by over $1 billion in federal transportation funding.\n" });
    assert.equal(verdictOn(index, "The harbour bridge has more than a billion dollars of federal transportation funding.", "a billion dollars")?.verdict, "supported");
  });

  test("Should leave 'half a billion' to the fraction it is, not read a second figure inside it", () => {
    const figures = extractFigures("The fund raised half a billion dollars.");
    assert.equal(figures.length, 1);
    assert.equal(figures[0]?.value, 5e8);
  });

  test("Should read 'a quarter of a million jobs' as one count of 250,000, not a share and a million", () => {
    const figures = extractFigures("Almost a quarter of a million jobs would go, and three quarters of a billion dollars with them.");
    assert.deepEqual(figures.map((figure) => [figure.value, figure.unit]), [[250000, "job"], [7.5e8, "USD"]]);
    const index = indexOf({ "plan.md": "In all, almost a quarter of a million jobs would go under the plan.\n" });
    assert.equal(verdictOn(index, "Nearly 250,000 jobs would go under the plan.", "250,000")?.verdict, "supported");
  });
});

describe("units a writer leaves out", () => {
  test("Should take '1.5 degrees' for the source's '1.5°C'", () => {
    const index = indexOf({ "climate.md": "The alliance works to keep the 1.5°C global warming limit within reach.\n" });
    assert.equal(verdictOn(index, "The alliance wants to keep global warming to 1.5 degrees.", "1.5 degrees")?.verdict, "supported");
  });
});

describe("pledges", () => {
  test("Should read an amount pledged as a commitment made, held to the source's commitments like any amount", () => {
    const index = indexOf({ "summit.md": "Business and government leaders made $15 billion in commitments at the trade summit.\n" });
    assert.equal(verdictOn(index, "At the trade summit leaders pledged $15 billion of commitments.", "$15 billion")?.verdict, "supported");
    assert.equal(verdictOn(index, "At the trade summit leaders pledged $18 billion of commitments.", "$18 billion")?.verdict, "contradicted");
  });
});

describe("what a count counts, in other words", () => {
  test("Should support '1.5 million available units' with a source's '1.5 million active availabilities'", () => {
    const index = indexOf({ "listings.md": "The Homefinder network currently lists almost 1.5 million active availabilities across its sites.\n" });
    assert.equal(verdictOn(index, "Homefinder lists almost 1.5 million available units across its sites.", "1.5 million")?.verdict, "supported");
  });
});

describe("times of figures listed together", () => {
  test("Should not date a figure after ', as well as' by the year of the clause before it", () => {
    const sentence = "Leaders made $15 billion in commitments together with business and city leaders at the regional trade summit in December 2022, as well as the additional $8 billion in private commitments made during the spring visit.";
    const figures = extractFigures(sentence);
    const eight = figures.find((f) => f.text === "$8 billion");
    assert.ok(eight);
    assert.equal(contextOf(eight, sentence, figures).time, undefined);
  });
});

describe("subjects written as compounds", () => {
  test("Should read 'FAA-backed' as the FAA the sources define, not a subject no source names", () => {
    const index = indexOf({ "air.md": "The Federal Aviation Administration (FAA) approved over $9 million in airport loans. These loans supported nearly $20 million in sales.\n" });
    const finding = verdictOn(index, "The program grew, and FAA-backed loans supported close to $20 million in sales.", "$20 million");
    assert.equal(finding?.verdict, "supported", finding?.message);
  });
});

describe("a count cut from its noun by a line break", () => {
  test("Should read '11⏎Chief Executive Officers' in a short source as 11 chief executives, and hold '9 chief executives' to it", () => {
    const index = indexOf({ "council.md": "The Harbour Council has appointed 11\nChief Executive Officers and Chairs who will sit on the council.\n" });
    const finding = verdictOn(index, "The Harbour Council appointed 9 chief executives and chairs to sit on the council.", "9 chief");
    assert.equal(finding?.verdict, "contradicted");
  });

  test("Should keep a title line ending in a year apart from the paragraph under it", () => {
    const index = indexOf({ "report.md": "Annual Harbour Report 2023\nThe council met 14 times.\n" });
    assert.equal(verdictOn(index, "The council met 14 times.", "14 times")?.verdict, "supported");
  });
});

describe("a change by a share, written after it", () => {
  test("Should read 'pay a fifth more' as 20 percent, which a source's 'upward of 20 percent extra' supports", () => {
    const [share] = extractFigures("Buyers pay a fifth more when fees are hidden.");
    assert.equal(share?.kind, "percent");
    assert.equal(share?.value, 20);
    const index = indexOf({ "fees.md": "Studies have found that buyers pay upward of 20 percent extra when hidden fees are not disclosed upfront.\n" });
    assert.equal(verdictOn(index, "Studies find that buyers pay a fifth more when hidden fees are not disclosed.", "a fifth")?.verdict, "supported");
    assert.equal(extractFigures("Sales in the third quarter more than doubled.").filter((f) => f.kind === "percent" && f.value === 100 / 3).length, 0);
  });
});

describe("a title given to a pronoun", () => {
  const index = () =>
    indexOf({
      "statement.md": "---\ntitle: Statement from Governor Ada Moss on Student Loans\n---\n\nAs State Attorney General, I won $2 billion for defrauded students.\n",
      "harbour.md": "Governor Ada Moss opened the new harbour on Monday.\n",
    });

  test("Should hold 'as Secretary of State she' to the title a first-person statement gives its speaker", () => {
    const draft = "Governor Moss recalled that as Secretary of State she won $2 billion for defrauded students.";
    const finding = verdictOn(index(), draft, "Secretary of State");
    assert.equal(finding?.verdict, "contradicted", finding?.message);
    assert.ok(finding?.message.includes("Attorney General"), finding?.message);
  });

  test("Should support 'as State Attorney General she' and the possessive form of a place before the title", () => {
    assert.equal(verdictOn(index(), "Governor Moss recalled that as State Attorney General she won $2 billion for students.", "State Attorney General")?.verdict, "supported");
    const names = extractNames("Governor Ada Moss said that as Ohio's Attorney General she won.");
    assert.ok(names.some((name) => name.text === "she" && name.title === "attorney general"), JSON.stringify(names));
  });
});
