import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { factSheetHtml, parseFactSheetMessage, sourceTree, type SourcesPayload } from "../../../src/extension/viewModels.ts";
import { factsOf } from "../../../src/core/check/facts.ts";
import { sourceDisagreements } from "../../../src/core/check/checker.ts";
import { sampleIndex } from "../helpers/corpus.ts";

const payload: SourcesPayload = {
  documents: [
    {
      path: "corpus/a.txt",
      uri: "file:///w/corpus/a.txt",
      title: "Trade <b>news</b>",
      date: { year: 2025, month: 8, day: 11 },
      figures: [{ kind: "money", value: "$87 billion", line: 3 }, { kind: "date", value: "July 2", line: 5 }, { kind: "money", value: "$4 billion", line: 7 }],
      names: [{ name: "Pham Minh Chinh", kind: "person", line: 2 }],
    },
  ],
  skipped: [{ path: "corpus/scan.pdf.txt", reason: "binary file (PDF)" }],
};

describe("the sources view", () => {
  test("Should list each source with its date and counts, figures grouped by kind, and names", () => {
    const [source, skipped] = sourceTree(payload);
    assert.equal(source?.label, "Trade <b>news</b>");
    assert.equal(source?.description, "corpus/a.txt · 2025-08-11 · 3 figures, 1 names");
    assert.deepEqual(source?.children.map((c) => c.label), ["Money (2)", "Dates (1)", "Names (1)"]);
    assert.deepEqual(source?.children[0]?.children[0]?.open, { uri: "file:///w/corpus/a.txt", line: 3 });
    assert.equal(skipped?.skipped, true);
    assert.equal(skipped?.tooltip, "Not indexed: binary file (PDF)");
  });

  test("Should place a PDF source's figure by its page, and open it at its line", () => {
    const pdf: SourcesPayload = {
      documents: [{ path: "corpus/report.pdf", uri: "file:///w/corpus/report.pdf", title: "Annual review", figures: [{ kind: "money", value: "$7 billion", line: 9, page: 2 }], names: [] }],
      skipped: [],
    };
    const figure = sourceTree(pdf)[0]?.children[0]?.children[0];
    assert.equal(figure?.description, "p. 2");
    assert.deepEqual(figure?.open, { uri: "file:///w/corpus/report.pdf", line: 9 });
  });

  test("Should filter to the figures and names that match", () => {
    const [source] = sourceTree(payload, "87");
    assert.deepEqual(source?.children.map((c) => c.label), ["Money (1)"]);
    assert.equal(sourceTree(payload, "nothing like this").length, 0);
  });
});

describe("the fact sheet", () => {
  const options = { nonce: "n0nce", cspSource: "vscode-resource:", scriptUri: "vscode-resource:/media/factSheet.js", styleUri: "vscode-resource:/media/factSheet.css" };

  test("Should escape every value and allow only its own script, by nonce", () => {
    const html = factSheetHtml(
      [{ kind: "money", value: "<img src=x onerror=alert(1)>", about: "[x](command:evil) <script>", path: "a.txt", line: 0, uri: "file:///a.txt" }],
      [{ description: "<b>$100 billion</b> by 2023 vs by 2025", sides: [{ path: "a.txt", line: 1, uri: "file:///a.txt" }] }],
      options,
    );
    assert.match(html, /content="default-src 'none'; img-src vscode-resource:; style-src vscode-resource:; script-src 'nonce-n0nce'"/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.match(html, /<script nonce="n0nce" src="vscode-resource:\/media\/factSheet.js"><\/script>/);
    assert.ok(!html.includes("<img"));
    assert.ok(!html.includes("<b>$100"));
    assert.match(html, /The sources disagree/);
  });

  test("Should accept only well-formed open messages", () => {
    assert.deepEqual(parseFactSheetMessage({ type: "open", uri: "file:///a.txt", line: 4 }), { type: "open", uri: "file:///a.txt", line: 4 });
    assert.equal(parseFactSheetMessage({ type: "open", uri: "command:workbench.action.terminal.new", line: 1 }), undefined);
    assert.equal(parseFactSheetMessage({ type: "open", uri: "file:///a.txt", line: -1 }), undefined);
    assert.equal(parseFactSheetMessage({ type: "run", command: "rm -rf" }), undefined);
    assert.equal(parseFactSheetMessage("open"), undefined);
  });

  test("Should put the sample corpus's disagreement on the trade target at the top", async () => {
    const index = await sampleIndex();
    const disagreements = sourceDisagreements(index);
    assert.ok(disagreements.some((d) => /100 billion USD by 2023 \(corpus\/002_\w+\.txt:\d+\) vs \$100 billion by 2025 \(corpus\/003_\w+\.txt:14\)/.test(d.description)), disagreements.map((d) => d.description).join("\n"));
    const html = factSheetHtml(factsOf(index).filter((f) => f.kind !== "name"), disagreements, options);
    assert.ok(html.indexOf("The sources disagree") < html.indexOf("<table"));
  });
});
