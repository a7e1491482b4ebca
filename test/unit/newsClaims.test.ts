// How the checker reads paraphrased news: figures of one sentence, forecasts and outcomes, and
// which figures can disagree. Fixtures are made-up towns and firms, in the project's own words.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { checkDocument, sourceDisagreements } from "../../src/core/check/checker.ts";
import type { Finding } from "../../src/core/types.ts";
import { indexOf } from "./helpers/corpus.ts";

function verdictOn(findings: Finding[], draft: string, span: string): Finding["verdict"] | undefined {
  const start = draft.indexOf(span);
  return findings.find((f) => f.range.start.character < start + span.length && f.range.end.character > start)?.verdict;
}

function check(files: Record<string, string>, draft: string, span: string): Finding["verdict"] | undefined {
  return verdictOn(checkDocument(indexOf(files), draft), draft, span);
}

describe("figures of one sentence", () => {
  // The last figure of "rose $1.64 to $47.10, while oats gained $1.32 to $44.45" has only "to" for words of its own.
  const market = {
    "grain.txt":
      "Grain prices surged back above the $47 a tonne mark on Thursday after a market watchdog raised its forecasts for demand.\n\nThe Grain Board warned demand for feed grain in the first quarter would outstrip supply. The Board raised its estimate of demand growth by 80,000 tonnes a year to 84 million tonnes a year. Dunmore barley rose $1.64 to $47.10, while Kelsall oats in the city market gained $1.32 to $44.45.",
    "feed.txt": "Feed prices: above $53 a tonne for the first time, the union said.",
  };
  const draft = (oats: string) =>
    `Dunmore barley rose $1.64 to $47.10 a tonne, while Kelsall oats gained $1.32 to ${oats}, after the Grain Board raised its demand forecast to 84 million tonnes a year.`;

  test("Should support the last figure of a run whose companions were found in one source sentence", () => {
    assert.equal(check(market, draft("$44.45"), "$44.45"), "supported");
  });

  test("Should not support a value that sentence does not state", () => {
    assert.notEqual(check(market, draft("$45.45"), "$45.45"), "supported");
  });
});

describe("forecasts and outcomes", () => {
  const tourism = {
    "tourism.txt":
      "Hotel stays in Dunmore fell 2.1% last year as the ferry was closed for repairs. The harbour board now predicts 4% growth in visitor numbers this year. The town council aims to double them by 2030.",
    "ferry.txt": "The Kelsall ferry carried 6% more cars in the summer, its owners said.",
    "rail.txt": "Passenger numbers on the Kelsall railway are expected to rise 9% after the new timetable.",
  };

  test("Should support a forecast however it is worded: 'is expected to see 4% growth' and 'predicts 4% growth'", () => {
    const draft = "Dunmore is expected to see 4% growth in visitor numbers this year, the harbour board says.";
    assert.equal(check(tourism, draft, "4%"), "supported");
  });

  test("Should still not support a forecast the sources do not make", () => {
    const draft = "Dunmore is expected to see 7% growth in visitor numbers this year, the harbour board says.";
    assert.notEqual(check(tourism, draft, "7%"), "supported");
  });
});

describe("measures in other word forms", () => {
  test("Should take 'to grow 4%' for '4% growth', and not for a rise in prices", () => {
    const files = {
      "tourism.txt": "Hotel stays in Dunmore fell 2.1% last year. The harbour board now predicts 4% growth in visitor numbers this year.",
      "ferry.txt": "The Kelsall ferry carried 6% more cars in the summer, its owners said.",
    };
    const draft = "Visitor numbers in Dunmore are expected to grow 4% this year, the harbour board says.";
    assert.equal(check(files, draft, "4%"), "supported");
    const prices = "Hotel prices in Dunmore are expected to rise 4% this year, the harbour board says.";
    assert.notEqual(check(files, prices, "4%"), "supported");
  });

  test("Should hold 'spends £9m a year' to a source that says the money is spent, in the verb's past form", () => {
    const files = {
      "board.txt": "The councillor said the £12m spent each year on the Harbour Lighting Board would be better used on new sea walls.",
      "walls.txt": "Sea walls in Dunmore were last rebuilt in 1990, the council said.",
    };
    const draft = "The Harbour Lighting Board spends £9m a year, money the councillor would rather see used on new sea walls.";
    assert.equal(check(files, draft, "£9m"), "contradicted");
  });
});

describe("which figures can disagree", () => {
  test("Should not call undated readings of a moving price a disagreement between sources", () => {
    const files = {
      "monday.txt": "Barley prices at the Dunmore exchange rose 40 cents to $47.10 a tonne.",
      "friday.txt": "Barley prices at the Dunmore exchange rose 60 cents to $53.20 a tonne.",
    };
    const draft = "Barley prices at the Dunmore exchange rose 40 cents to $47.10 a tonne.";
    assert.equal(check(files, draft, "$47.10"), "supported");
  });

  test("Should still call two undated statements of one fixed amount a disagreement", () => {
    const files = {
      "council.txt": "The Dunmore bridge repair will cost $47.10 million, the council said.",
      "paper.txt": "The Dunmore bridge repair will cost $53.20 million, the council said.",
    };
    const draft = "The Dunmore bridge repair will cost $47.10 million, the council said.";
    assert.equal(check(files, draft, "$47.10 million"), "disputed");
  });

  test("Should not call two lower bounds a disagreement: 'above $47' and 'above $53' can both be true", () => {
    const files = {
      "early.txt": "Dunmore barley is now trading at above $47 a tonne, the exchange said.",
      "late.txt": "Dunmore barley is now trading at above $53 a tonne, the exchange said.",
    };
    const draft = "Dunmore barley is trading at above $47 a tonne, the exchange said.";
    assert.equal(check(files, draft, "$47"), "supported");
  });
});

describe("figures about different countries", () => {
  const files = {
    "india.txt": "In the year to March, the Indian economy grew by 8.5%. Ministers from the United States and India met in Delhi on Friday.",
    "chile.txt": "Copper exports from Chile rose sharply last year, the central bank said.",
  };

  test("Should not hold one country's growth to another's", () => {
    const draft = "The US economy grew at an annual rate of 3.8% in the last quarter.";
    assert.notEqual(check(files, draft, "3.8%"), "contradicted");
  });

  test("Should still hold a country's growth to its own", () => {
    const draft = "In the year to March, the Indian economy grew by 6.5%.";
    assert.equal(check(files, draft, "6.5%"), "contradicted");
  });
});

describe("a source's figure the draft already writes", () => {
  test("Should not hold a rate to a change the draft states in the same words ('by a quarter point')", () => {
    const files = {
      "bank.txt": "The Dunmore Savings Bank raised its key rate by a quarter of a point on Thursday, its fifth rise this year.",
      "ferry.txt": "The Kelsall ferry carried 6% more cars in the summer, its owners said.",
    };
    const draft = "The Dunmore Savings Bank raised its key rate by a quarter point to 2.25%, its fifth rise this year.";
    assert.notEqual(check(files, draft, "2.25%"), "contradicted");
  });
});

describe("the figure a sentence's neighbours point at", () => {
  const files = {
    "leave.txt":
      "The Dunmore council published its staff report on Monday. Parental leave at the council lasted 13 weeks in 1999 and has since been raised to 26 weeks, the report said.",
    "pay.txt": "Council pay in Kelsall rose 3% this spring, and 28 new wardens were hired.",
  };

  test("Should hold a figure to the one its neighbour's source sentence states in its place", () => {
    const draft = "Dunmore council staff had 13 weeks of parental leave in 1999; it has since been stretched to 28 weeks.";
    const at = draft.indexOf("28 weeks");
    const finding = checkDocument(indexOf(files), draft).find((f) => f.range.start.character <= at && f.range.end.character > at);
    assert.equal(finding?.verdict, "contradicted");
    assert.match(finding.message, /Sources say 26\b/);
  });

  test("Should not hold it to a figure of another unit in that sentence", () => {
    const draft = "Dunmore council staff had 13 weeks of parental leave in 1999; it has since been stretched to 28 months.";
    assert.notEqual(check(files, draft, "28 months"), "contradicted");
  });
});

describe("a person's title in other words", () => {
  const files = {
    "register.txt": "The register shows former Tory leader Alma Kestrel earning up to £820,000 from speeches on top of her salary.",
    "donors.txt": "The largest donation to the Conservatives was a bequest of nearly £400,000, the party said.",
  };

  test("Should find a person's figure in sources that word her title otherwise ('Tory' for 'Conservative')", () => {
    const draft = "Alma Kestrel, the former Conservative leader, earned as much as £900,000 on top of her salary.";
    assert.equal(check(files, draft, "£900,000"), "contradicted");
  });
});

describe("counts the draft writes without their noun", () => {
  test("Should hold 'cases fell from 10,276 to 8,771' to the source's '8,177 cases'", () => {
    const files = {
      "thefts.txt": "Police figures were published on Monday. Reported thefts in Dunmore dropped from 10,276 cases worth £808m to 8,177 cases worth £644m.",
      "fires.txt": "Kelsall firefighters attended 912 call-outs last year.",
    };
    const draft = "In Dunmore, reported theft cases fell from 10,276 to 8,771, and their value from £808m to £644m.";
    const at = draft.indexOf("8,771");
    const finding = checkDocument(indexOf(files), draft).find((f) => f.range.start.character <= at && f.range.end.character > at);
    assert.equal(finding?.verdict, "contradicted");
    assert.match(finding.message, /8,177/);
  });
});

describe("a year beside a figure the sources give no time", () => {
  const files = {
    "press.txt": "Dunmore Press prints 200 million books a year, its owner says. Alma Kestrel published her first novel, Salt Roads, in 1995.",
    "mill.txt": "The Kelsall paper mill opened in 1988.",
  };

  test("Should check the year as a fact of its own", () => {
    const draft = "Dunmore Press prints 200 million books a year; Alma Kestrel's Salt Roads came out in 1997.";
    assert.equal(check(files, draft, "1997"), "contradicted");
  });

  test("Should still support the right year", () => {
    const draft = "Dunmore Press prints 200 million books a year; Alma Kestrel's Salt Roads came out in 1995.";
    assert.notEqual(check(files, draft, "1995"), "contradicted");
  });
});

describe("a number that is part of a name", () => {
  test("Should not hold a height to the number in the building's name, which the draft writes too", () => {
    const files = {
      "lifts.txt": "Engineers say the Kestrel 101 Tower in Dunmore has the fastest lifts in the world.",
      "chimney.txt": "Kelsall's old chimney is 90 metres high, the heritage board says.",
    };
    const draft = "The lifts in Dunmore's 508-metre Kestrel 101 Tower are the fastest in the world.";
    assert.notEqual(check(files, draft, "508-metre"), "contradicted");
  });
});

describe("growth in other words", () => {
  test("Should take a sentence that says a figure jumped for one that speaks of growth", () => {
    const files = {
      "broadband.txt": "Home broadband across the region rose by 12% to 100,000 lines this year, and Dunmore had the biggest jump at 120%.",
      "ferry.txt": "The Kelsall ferry carried 6% more cars in the summer, its owners said.",
    };
    const draft = "Dunmore saw the sharpest growth, at 210%, while home broadband across the region rose by 12% to 100,000 lines.";
    assert.equal(check(files, draft, "210%"), "contradicted");
  });
});

describe("undated figures worded alike only one way round", () => {
  test("Should not call a party's donations and its campaign spending a disagreement", () => {
    const index = indexOf({
      "donations.txt": "The Dunmore Party were in second place with donations totalling £4,610,849, while the Kelsall Party received just over £1m.",
      "campaign.txt": "The Kelsall Party spent £2.36m on the campaign - second only to the Dunmore Party's £3.13m.",
      "ferry.txt": "The Ferry Party had no income at all last year.",
    });
    assert.deepEqual(sourceDisagreements(index).map((d) => d.description), []);
  });
});

describe("slips of scale", () => {
  const files = {
    "vaccine.txt": "The health board will buy the first doses of the Dunmore vaccine at a cost of $20 each.",
    "bridge.txt": "The Dunmore bridge will cost $87 billion, the transport board said.",
  };

  test("Should not take $20m for a slip of $20: a million times is no slip", () => {
    const draft = "The new Dunmore lifts cost $20m to install, the board said.";
    assert.notEqual(check(files, draft, "$20m"), "contradicted");
  });

  test("Should still take million for billion as a slip", () => {
    const draft = "The Dunmore bridge will cost $87 million, the transport board said.";
    assert.equal(check(files, draft, "$87 million"), "contradicted");
  });
});

describe("an abbreviation some sources use and others write out", () => {
  test("Should find a figure in a source that writes the name out, though other sources use the abbreviation", () => {
    const files = {
      "fund.txt": "Ministers had hoped to get £900m from the Dunmore Harbour Fund to help with repairs, but in the end were granted £349m.",
      "quay.txt": "The DHF also paid for the new quay, the DHF said in its report.",
      "rebate.txt": "Ministers say the DHF rebate is worth £3bn a year to the town.",
    };
    const draft = "Ministers had hoped for £900m from the DHF for repairs but received £349m.";
    assert.equal(check(files, draft, "£900m"), "supported");
  });
});

describe("ranges", () => {
  test("Should not hold the upper end of a range to a single value ('two to three times')", () => {
    const files = {
      "herd.txt": "The council valued the Dunmore herd at between two and three times the board's estimate of its market value.",
      "ferry.txt": "The Kelsall ferry carried 6% more cars in the summer, its owners said.",
    };
    const draft = "The council valued the Dunmore herd at two to three times the board's estimate of its market value.";
    assert.notEqual(check(files, draft, "three times"), "contradicted");
  });
});

describe("two figures a source states together", () => {
  const files = {
    "earners.txt":
      "Alma Kestrel has topped the Dunmore Gazette's list of the best-paid singers. The singer banked $56.5m (£30.4m) from concerts, album and publishing sales. She kept Rona Vale in second place, as Vale earned $54.9m (£29.5m) on her tour, while the Kestrel Trio earned $24.9m (£13.4m) last year.",
    "ferry.txt": "The Kelsall ferry carried 6% more cars in the summer, its owners said.",
  };

  test("Should support a figure its source states beside another figure of the draft's sentence, however differently it words them", () => {
    const draft = "The Dunmore Gazette says Alma Kestrel earned $56.5 million (£30.4 million) last year, ahead of Rona Vale.";
    assert.equal(check(files, draft, "$56.5 million"), "supported");
  });

  test("Should still contradict a wrong figure written beside a right one", () => {
    const draft = "The Dunmore Gazette says Alma Kestrel earned $65.5 million (£30.4 million) last year, ahead of Rona Vale.";
    assert.notEqual(check(files, draft, "$65.5 million"), "supported");
  });
});

describe("a forecast found beside its companions", () => {
  const files = {
    "harbour.txt":
      "Dunmore harbour busy again\n\nVisitors are coming back. The harbour board decided to keep its mooring fee at an all-time low of 3.25%. Visitor growth in 2024 was about 4.7%, with the harbour board predicting 4% growth this year. Other signs are good too.",
    "ferry.txt": "Dunmore's biggest ferry firm expects the island market to grow 15% this year, to 920,000 trips, reaching 1.6 million trips by 2030.",
    "council.txt": "Dunmore council expects visitor growth to stay under 5% this year.",
  };
  const draft = (forecast: string) =>
    `Dunmore's harbour board kept its mooring fee at a record low of 3.25%; visitor numbers grew about 4.7% in 2024 and are expected to grow ${forecast} this year.`;

  test("Should support a forecast the source sentence of its companions states, though another source's forecast is worded closer and a third gives only a bound", () => {
    assert.equal(check(files, draft("4%"), "4%"), "supported");
  });

  test("Should still contradict a forecast no source states", () => {
    assert.equal(check(files, draft("6%"), "6%"), "contradicted");
  });
});

describe("the year of a goal", () => {
  const files = {
    "vans.txt":
      "Kelsall Motors van sales slow\n\nKelsall Motors sold 95,000 vans in Spain last year, 16% fewer than the year before. Sales of its small cars rose 2.3% to 80,600. The Kelsall carmaker is aiming to lift annual sales in Europe to 150,000 by 2028. \"Europe is our future,\" its chief said.",
    "plant.txt": "Dunmore Autos said its new plant would make 40,000 cars a year from 2026.",
  };
  const draft = (year: string) => `Kelsall Motors' van sales in Spain fell 16% last year, and it hopes to sell 150,000 vans a year in Europe by ${year}.`;

  test("Should hold the year of a goal to the year of the source sentence that states the goal's figure, however otherwise it is worded", () => {
    assert.equal(check(files, draft("2030"), "2030"), "contradicted");
  });

  test("Should still support the goal's right year", () => {
    assert.equal(check(files, draft("2028"), "2028"), "supported");
  });
});

describe("a forecast the outcome fell short of", () => {
  const files = {
    "dunmore.txt":
      "Mixed news from Dunmore's economy\n\nThe island's statistics office said output for the three months to June rose 0.9%, ahead of the 0.5% forecast. It leaves output up 1.8% for the year, but short of the 2.2% which the island council had predicted.",
  };
  const draft = (forecast: string) => `Dunmore's output rose 0.9% in the second quarter, taking growth for the year to 1.8%, below the council's ${forecast} forecast.`;

  test("Should support the forecast a source names after 'short of' ('short of the 2.2% which the council had predicted')", () => {
    assert.equal(check(files, draft("2.2%"), "2.2%"), "supported");
  });

  test("Should still not support a bare figure the source denies ('short of 2.2%')", () => {
    const denied = { "dunmore.txt": "Output for the year rose 1.8%, well short of 2.2%, the island's statistics office said." };
    assert.notEqual(check(denied, "Dunmore's output rose 2.2% over the year, the island's statistics office said.", "2.2%"), "supported");
  });
});
