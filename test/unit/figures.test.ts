import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { extractFigures } from "../../src/core/extract/figures.ts";
import type { Figure } from "../../src/core/types.ts";

function only(text: string): Figure {
  const figures = extractFigures(text);
  assert.equal(figures.length, 1, `expected one figure in ${JSON.stringify(text)}, got ${JSON.stringify(figures.map((f) => f.text))}`);
  return figures[0]!;
}

describe("money", () => {
  for (const [text, span, value, unit] of [
    ["Korea invested $87 billion.", "$87 billion", 87e9, "USD"],
    ["Korea invested US$87 billion.", "US$87 billion", 87e9, "USD"],
    ["Korea invested 87 billion USD.", "87 billion USD", 87e9, "USD"],
    ["Korea invested USD 87bn.", "USD 87bn", 87e9, "USD"],
    ["Korea invested US$ 87 bn.", "US$ 87 bn", 87e9, "USD"],
    ["A grant of ₩1.2 trillion.", "₩1.2 trillion", 1.2e12, "KRW"],
    ["A grant of KRW 500 billion.", "KRW 500 billion", 500e9, "KRW"],
    ["A grant of 500 billion won.", "500 billion won", 500e9, "KRW"],
    ["It costs 10,000 đồng.", "10,000 đồng", 10000, "VND"],
    ["It costs €5m.", "€5m", 5e6, "EUR"],
    ["It costs £3.2bn.", "£3.2bn", 3.2e9, "GBP"],
    ["Four billion dollars of aid.", "Four billion dollars", 4e9, "USD"],
    ["the target of 150 billion by 2030", "150 billion", 150e9, ""],
  ] as const) {
    test(`Should read ${span} as ${value} ${unit || "(currency unknown)"}`, () => {
      const figure = only(text.replace("by 2030", ""));
      assert.equal(figure.kind, "money");
      assert.equal(figure.text, span);
      assert.equal(figure.value, value);
      assert.equal(figure.unit, unit);
    });
  }

  test("Should keep the hedge as a qualifier outside the span", () => {
    const figure = only("trade reaching nearly $80 billion");
    assert.equal(figure.text, "$80 billion");
    assert.equal(figure.qualifier, "approximately");
    assert.equal(figure.qualifierText, "nearly");
    assert.equal(only("more than $5 billion").qualifier, "more-than");
    assert.equal(only("at least $5 billion").qualifier, "at-least");
    assert.equal(only("up to $5 billion").qualifier, "at-most");
    assert.equal(only("under $5 billion").qualifier, "less-than");
  });

  test("Should read a money range", () => {
    const figure = only("between $4-5 billion");
    assert.equal(figure.value, 4e9);
    assert.equal(figure.upper, 5e9);
  });
});

describe("percentages and counts", () => {
  test("Should read percent in every spelling", () => {
    for (const text of ["8%", "8 percent", "8 per cent"]) assert.deepEqual([only(`growth of ${text}`).kind, only(`growth of ${text}`).value], ["percent", 8]);
    assert.equal(only("over 8%").qualifier, "more-than");
    const range = only("5-7%");
    assert.deepEqual([range.value, range.upper], [5, 7]);
  });

  test("Should read counts with their counted noun", () => {
    assert.deepEqual([only("1,200 workers arrived").value, only("1,200 workers arrived").unit], [1200, "worker"]);
    assert.deepEqual([only("two countries").value, only("two countries").unit], [2, "country"]);
    assert.deepEqual([only("five major aspects, including").text, only("five major aspects, including").unit], ["five", "aspect"]);
    assert.deepEqual([only("1.3 million Korean visitors").value, only("1.3 million Korean visitors").unit], [1.3e6, "visitor"]);
    assert.equal(only("three hundred and twenty thousand people").value, 320000);
    assert.equal(only("twenty-five firms").value, 25);
  });

  test("Should not read numbers inside names, times or ordinary words", () => {
    for (const text of ["COVID-19 hit hard", "at 03:17 today", "the G20 summit", "the first official trip", "one of the reasons", "the XIII Party Congress", "the 1990s"]) {
      assert.deepEqual(extractFigures(text).map((f) => f.text), [], text);
    }
  });
});

describe("ranks", () => {
  test("Should read ordinal superlatives as positions", () => {
    assert.deepEqual([only("the second-largest provider").value, only("the second-largest provider").unit], [2, "largest"]);
    assert.equal(only("the third largest partner").value, 3);
    assert.equal(only("Vietnam's largest foreign investor").value, 1);
    assert.equal(only("Việt Nam’s top source of FDI").unit, "largest");
    assert.equal(only("its biggest partner").value, 1);
  });

  test("Should read top-N membership", () => {
    const figure = only("one of the 10 largest economies");
    assert.deepEqual([figure.value, figure.topN], [10, true]);
    assert.equal(only("among the 3 largest economies").value, 3);
  });
});

describe("dates", () => {
  for (const [text, span, date] of [
    ["on December 22, 1992", "December 22, 1992", { year: 1992, month: 12, day: 22 }],
    ["on 22 December 1992", "22 December 1992", { year: 1992, month: 12, day: 22 }],
    ["on July 2", "July 2", { month: 7, day: 2 }],
    ["posted 11/10/2023", "11/10/2023", { year: 2023, month: 10, day: 11 }],
    ["posted 2025-08-11", "2025-08-11", { year: 2025, month: 8, day: 11 }],
    ["in August 2021", "August 2021", { year: 2021, month: 8 }],
    ["since 2009", "2009", { year: 2009 }],
  ] as const) {
    test(`Should read ${span}`, () => {
      const figure = only(text);
      assert.equal(figure.kind, "date");
      assert.equal(figure.text, span);
      assert.deepEqual(figure.date, date);
    });
  }

  test("Should read year ranges and the preposition in front", () => {
    const range = only("for the 2025–30 period");
    assert.deepEqual([range.value, range.upper, range.preposition], [20250000, 20300000, "for"]);
    assert.equal(only("by 2030").preposition, "by");
    assert.equal(only("between 2025 and 2030").upper, 20300000);
  });
});

describe("forms of real text: shares, rates, measures, points, multiples, places", () => {
  for (const [text, span, value] of [
    ["Half of the riders walk to work.", "Half", 50],
    ["A quarter of the riders walk to work.", "A quarter", 25],
    ["Two-thirds of the riders walk to work.", "Two-thirds", 200 / 3],
    ["Four in ten riders walk to work.", "Four in ten", 40],
    ["One in five riders walks to work.", "One in five", 20],
    ["3 out of 4 riders walk to work.", "3 out of 4", 75],
  ] as const) {
    test(`Should read "${span}" as a share of ${Number(value.toFixed(2))} percent, and as a round figure`, () => {
      const figure = only(text);
      assert.equal(figure.kind, "percent");
      assert.equal(figure.text, span);
      assert.ok(Math.abs(figure.value - value) < 1e-9);
      assert.equal(figure.qualifier, "approximately");
    });
  }

  test("Should not read a part of a year or a sum as a share", () => {
    assert.deepEqual(extractFigures("in the third quarter of the year").filter((f) => f.kind === "percent"), []);
    assert.deepEqual(extractFigures("over the first half of the season").filter((f) => f.kind === "percent"), []);
    assert.deepEqual(extractFigures("half a loaf is better than none"), []);
  });

  for (const [text, span, value, unit] of [
    ["The air held 418 ppm of carbon dioxide.", "418 ppm", 418, "ppm"],
    ["The air held 418 parts per million of carbon dioxide.", "418 parts per million", 418, "ppm"],
    ["The river rose 35 mm overnight.", "35 mm", 35, "mm"],
    ["The river rose 3.5 centimetres overnight.", "3.5 centimetres", 3.5, "cm"],
    ["The lake warmed by 1.2 °C since the survey.", "1.2 °C", 1.2, "°C"],
    ["The lake warmed by 1.2C since the survey.", "1.2C", 1.2, "°C"],
    ["The lake warmed by 2 degrees Fahrenheit since the survey.", "2 degrees Fahrenheit", 2, "°F"],
    ["The tower is 12 times taller than the mill.", "12 times", 12, "times"],
  ] as const) {
    test(`Should read ${span} in its unit (${unit})`, () => {
      const figure = only(text);
      assert.equal(figure.text, span);
      assert.equal(figure.value, value);
      assert.equal(figure.unit, unit);
    });
  }

  test("Should read a change in percentage points as points, not as a percentage", () => {
    for (const [text, value] of [["Turnout fell 2.5 percentage points.", 2.5], ["Turnout fell 2.5pp.", 2.5], ["The bank cut rates by 25 basis points.", 0.25]] as const) {
      const figure = only(text);
      assert.equal(figure.kind, "percent");
      assert.equal(figure.unit, "pp");
      assert.equal(figure.value, value);
    }
  });

  test("Should read a range whose unit is written once or on both ends", () => {
    for (const [text, span, lower, upper] of [["Costs may rise 2% to 2.5% next year.", "2% to 2.5%", 2, 2.5], ["The lake may warm 1 to 2.5 °C by then.", "1 to 2.5 °C", 1, 2.5]] as const) {
      const figure = only(text);
      assert.equal(figure.text, span);
      assert.equal(figure.value, lower);
      assert.equal(figure.upper, upper);
    }
  });

  test("Should read a bare place in a ranking after a ranking verb or between places", () => {
    const ranked = only("The county ranked 41st in the survey.");
    assert.deepEqual([ranked.kind, ranked.text, ranked.value, ranked.unit], ["rank", "41st", 41, "place"]);
    const moved = extractFigures("The county fell from second in the region to 17th.").filter((f) => f.kind === "rank");
    assert.deepEqual(moved.map((f) => [f.text, f.value]), [["second", 2], ["17th", 17]]);
    assert.deepEqual(extractFigures("the 19th century and the third time").filter((f) => f.kind === "rank"), []);
  });

  test("Should not take the time after a count for what it counts ('to 62,400 last month' counts no months)", () => {
    const count = only("The waiting list shrank to 62,400 last month.");
    assert.deepEqual([count.kind, count.unit], ["count", ""]);
    assert.equal(only("The ferry will carry 3,000 cars next summer.").unit, "car");
  });
});
