// How the checker reads figures a writer restates in other words: ages, birthdays, neighbouring
// whole numbers, and a year the source sentence gives to another figure. Made-up people and towns.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { checkDocument } from "../../src/core/check/checker.ts";
import { extractFigures } from "../../src/core/extract/figures.ts";
import type { Finding } from "../../src/core/types.ts";
import { indexOf } from "./helpers/corpus.ts";

function verdictOn(files: Record<string, string>, draft: string, span: string): Finding["verdict"] | undefined {
  const start = draft.indexOf(span);
  return checkDocument(indexOf(files), draft).find((f) => f.range.start.character < start + span.length && f.range.end.character > start)?.verdict;
}

describe("neighbouring whole numbers", () => {
  const mayor = { "mayor.txt": "Ann Tolley became mayor of Dunmore in 1998 at the age of 43, the youngest in the town's history." };

  test("Should hold 'aged 44' to a source that says 'at the age of 43'", () => {
    assert.equal(verdictOn(mayor, "Ann Tolley became mayor of Dunmore in 1998 aged 44, the youngest ever.", "44"), "contradicted");
  });

  test("Should still support the age the source gives", () => {
    assert.equal(verdictOn(mayor, "Ann Tolley became mayor of Dunmore in 1998 aged 43, the youngest ever.", "43"), "supported");
  });
});

describe("ages written another way", () => {
  test("Should read a sentence opened 'At 44, Ann Tolley …' as her age, and support it by the source's '44-year-old'", () => {
    const unitOf = (text: string) => extractFigures(text).find((f) => f.value === 44)?.unit;
    assert.equal(unitOf("At 44, Ann Tolley is the town's youngest mayor."), unitOf("The mayor, aged 44, opened the bridge."));
    assert.notEqual(unitOf("At 44, the rate was the highest in years."), unitOf("The mayor, aged 44, opened the bridge."));
    const files = { "mayor.txt": "The 44-year-old mayor has served 1,020 days. The bridge carried 210 lorries a day in 1998." };
    assert.equal(verdictOn(files, "At 44, Ann Tolley has served 1,020 days as mayor of the town.", "44"), "supported");
  });

  test("Should read '51-year-old', 'aged 51' and 'his 51st birthday' as an age, not a span of years", () => {
    const unitOf = (text: string) => extractFigures(text).find((f) => f.value === 51)?.unit;
    assert.equal(unitOf("The 51-year-old mayor opened the bridge."), unitOf("The mayor, aged 51, opened the bridge."));
    assert.equal(unitOf("The mayor died on the eve of his 51st birthday."), unitOf("The mayor, aged 51, opened the bridge."));
    assert.notEqual(unitOf("A 51-year lease was signed."), unitOf("The mayor, aged 51, opened the bridge."));
  });

  test("Should read an age however its hyphens fall: '51-year old', '51 years old' and '51-year-old' alike", () => {
    const unitOf = (text: string) => extractFigures(text).find((f) => f.value === 51)?.unit;
    assert.equal(unitOf("The 51-year old bridge still stands."), unitOf("The 51-year-old bridge still stands."));
    assert.equal(unitOf("The bridge is 51 years old."), unitOf("The 51-year-old bridge still stands."));
    assert.notEqual(unitOf("The bridge stood for 51 years."), unitOf("The 51-year-old bridge still stands."));
  });

  test("Should hold a wrong age to the source's '-year-old'", () => {
    const files = { "race.txt": "The 29-year-old Tom Ashby won the Kelsall marathon for a third time on Sunday." };
    assert.equal(verdictOn(files, "Tom Ashby, aged 31, won the Kelsall marathon for the third time.", "31"), "contradicted");
    assert.equal(verdictOn(files, "Tom Ashby, aged 29, won the Kelsall marathon for the third time.", "29"), "supported");
  });
});

describe("ages set off by commas, and clock times", () => {
  const club = { "club.txt": "The 68-year-old former mill owner Jim Pardoe signed the papers at 0215 GMT on Monday, buying half of Kelsall Rovers." };

  test("Should read 'Jim Pardoe, 68, the former mill owner' as the age the source gives", () => {
    assert.equal(verdictOn(club, "Jim Pardoe, 68, the former mill owner, has bought half of Kelsall Rovers.", "68"), "supported");
  });

  test("Should not hold an age to a clock time written with a leading zero ('0215 GMT')", () => {
    assert.deepEqual(extractFigures("He signed at 0215 GMT on Monday."), []);
    assert.notEqual(verdictOn(club, "Jim Pardoe, 69, the former mill owner, has bought half of Kelsall Rovers.", "69"), "supported");
  });
});

describe("'up to' after a measure that moved", () => {
  const economy = { "economy.txt": "Growth in Dunmore picked up to 0.6% in the spring, the statistics office said, after a flat winter." };

  test("Should read 'growth picked up to 0.6%' as the level growth reached, not a bound", () => {
    assert.equal(extractFigures("Growth picked up to 0.6% in the spring.")[0]?.qualifier, "exact");
    assert.equal(extractFigures("The firm paid up to £820,000 a year.")[0]?.qualifier, "at-most");
  });

  test("Should hold 'growth picked up to 0.9%' to the source's 0.6%, and support the level the source gives", () => {
    assert.equal(verdictOn(economy, "Growth in Dunmore picked up to 0.9% in the spring.", "0.9%"), "contradicted");
    assert.equal(verdictOn(economy, "Growth in Dunmore picked up to 0.6% in the spring.", "0.6%"), "supported");
  });
});

describe("a year beside another figure", () => {
  const poll = { "poll.txt": "The survey leaves the Greens with just 12 councillors, two fewer than they won in 1999 and their worst result since 1974." };

  test("Should not call the year wrong when the source sentence states it, though it times another figure there", () => {
    assert.notEqual(verdictOn(poll, "The survey leaves the Greens with only 12 councillors, their worst result since 1974.", "1974"), "contradicted");
  });

  test("Should still call a year wrong that the source sentence does not state", () => {
    assert.equal(verdictOn(poll, "The survey leaves the Greens with only 12 councillors, two fewer than they won in 2001.", "2001"), "contradicted");
  });
});

describe("disagreements between sources about different things in the country they are written from", () => {
  const network = "For the first nine days of 1990 Telvia was the only firm with a phone network in the UK.";
  const draft = "For the first nine days of 1990 Telvia had the UK phone market to itself.";

  test("Should not call a phone network's nine days and a film's three days a disagreement because both are in the UK", () => {
    const files = { "phones.txt": network, "films.txt": "For the first three days of 1990 Moon Harbour was the only film showing in the UK.", "sport.txt": "Kelsall Rovers won the cup. Dunmore lost the final." };
    assert.equal(verdictOn(files, draft, "nine"), "supported");
  });

  test("Should still call two accounts of the same firm a disagreement", () => {
    const files = { "phones.txt": network, "history.txt": "For the first three days of 1990 Telvia was the only firm with a phone network in the UK.", "sport.txt": "Kelsall Rovers won the cup. Dunmore lost the final." };
    assert.equal(verdictOn(files, draft, "nine"), "disputed");
  });
});

describe("disagreements about two countries together", () => {
  test("Should call two targets for a pair of countries' trade a disagreement, even when one account names a visitor", () => {
    const files = {
      "plan.txt": "Set a goal to lift France-Peru trade to 40 billion euros by 2030.",
      "visit.txt": "After a visit by Minister Ana Ruiz to France last spring, both sides set new aims. The aim is to reach 40 billion euros in trade by 2035.",
      "sport.txt": "Kelsall Rovers won the cup. Dunmore lost the final.",
    };
    assert.equal(verdictOn(files, "The two countries hope to reach 40 billion euros in trade by 2030.", "40 billion euros"), "disputed");
  });
});

describe("sums pledged", () => {
  const harbour = { "harbour.txt": "Dunmore council has offered £4m over five years to repair the harbour wall, its leader said." };

  test("Should hold the sum of a pledge to the sum the source says was offered: a pledge made is a fact, not a goal", () => {
    assert.equal(verdictOn(harbour, "The council's pledge to repair the harbour wall is worth £6m over five years.", "£6m"), "contradicted");
    assert.equal(verdictOn(harbour, "The council's pledge to repair the harbour wall is worth £4m over five years.", "£4m"), "supported");
  });
});

describe("spans counted back from now", () => {
  const vote = { "vote.txt": "The cost cannot be compared with the only earlier town poll in Dunmore, held 30 years ago, officials said." };

  test("Should hold '40 years ago' to the source's '30 years ago' though the draft also names the year of the poll", () => {
    assert.equal(verdictOn(vote, "The only earlier town poll in Dunmore, in 1975, was held 40 years ago.", "40 years"), "contradicted");
    assert.equal(verdictOn(vote, "The only earlier town poll in Dunmore, in 1975, was held 30 years ago.", "30 years"), "supported");
  });
});

describe("pence", () => {
  const budget = { "budget.txt": "The chancellor put 2p a pint on cider, 5p on a bottle of port and 8p on a packet of cigars." };

  test("Should read '8p' as eight pence, in pounds", () => {
    const figure = extractFigures("It costs 8p a packet.")[0];
    assert.equal(figure?.kind, "money");
    assert.equal(figure?.unit, "GBP");
    assert.equal(figure?.value, 0.08);
  });

  test("Should hold a duty rise in pence to the one the source gives", () => {
    const draft = (cigars: string) => `Cider rose by 2p a pint, port by 5p a bottle and a packet of cigars by ${cigars}.`;
    assert.equal(verdictOn(budget, draft("9p"), "9p"), "contradicted");
    assert.equal(verdictOn(budget, draft("8p"), "8p"), "supported");
  });
});

describe("a count whose noun is left out", () => {
  test("Should read '2.4 million' after 'a million tickets … in six days' as a count, not money", () => {
    const figures = extractFigures("The show sold a million tickets in six days and 2.4 million by the spring.");
    assert.equal(figures.find((f) => f.value === 2_400_000)?.kind, "count");
  });

  test("Should not hold a count of tickets to a sum of money the sources give", () => {
    const files = {
      "show.txt": "The musical took £9.5m at the box office in its first week. By the spring it had sold more than 2.4 million tickets.",
    };
    assert.notEqual(verdictOn(files, "The musical sold a million tickets in six days and 2.4 million by the spring.", "2.4 million"), "contradicted");
  });

  test("Should not read a bare amount after a measure as a count: '300,000 tons … costs 2 million' stays money", () => {
    const figures = extractFigures("The plan cuts 300,000 tons of soot a year and costs 2 million.");
    assert.equal(figures.find((f) => f.value === 2_000_000)?.kind, "money");
  });

  test("Should leave a bare amount alone when the sentence before named the count", () => {
    const figure = extractFigures("It sold 40,000 bikes. Profit reached 3 million.").find((f) => f.value === 3_000_000);
    assert.equal(figure?.kind, "money");
  });
});

describe("sales and what was sold", () => {
  const records = {
    "records.txt": "Overall the trade saw a 2% rise in volume. The vinyl market grew by 6.5% in 2019, with 4.1 million records sold.",
  };

  test("Should find 'vinyl sales grew 6.5%' in a source that says the market grew 6.5% with records sold", () => {
    assert.equal(verdictOn(records, "Vinyl sales grew 6.5% to 4.1 million records.", "6.5%"), "supported");
  });

  test("Should still hold a wrong growth of sales to the source's", () => {
    assert.equal(verdictOn(records, "Vinyl sales grew 7.5% to 4.1 million records.", "7.5%"), "contradicted");
  });
});

describe("two amounts of one source sentence", () => {
  const plan = {
    "plan.txt": "The council would save at least £40m. The party says it would aim for a £4,000 first-home grant, or a £6,000 grant for families with children. After that the scheme would be means-tested.",
  };
  const draft = "The party says a grant scheme would save at least £40m, with a £4,000 first-home grant and £6,500 for families.";

  test("Should support a grant the source sentence states beside a closer-worded one", () => {
    assert.equal(verdictOn(plan, draft, "£4,000"), "supported");
  });

  test("Should still hold the other grant to the source's value", () => {
    assert.equal(verdictOn(plan, draft, "£6,500"), "contradicted");
  });
});

describe("counts of people named by where they live", () => {
  test("Should read '2 million Europeans' as a count of people, like '2 million people'", () => {
    const unitOf = (text: string) => extractFigures(text).find((f) => f.value === 2_000_000)?.unit;
    assert.equal(unitOf("Some 2 million Europeans are members."), unitOf("Some 2 million people are members."));
  });

  test("Should hold a count of a year ago to the source's, where the source leaves its noun out", () => {
    const files = { "web.txt": "Just over 20 million people are online, up from 12 million a year ago, according to analysts Webcount. Many Europeans now spend more time online than watching TV." };
    const draft = "Webcount counts just over 20 million Europeans online, against 10 million a year ago.";
    assert.equal(verdictOn(files, draft, "10 million"), "contradicted");
    assert.equal(verdictOn(files, draft, "20 million"), "supported");
  });
});
