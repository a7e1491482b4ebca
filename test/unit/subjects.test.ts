import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { checkDocument } from "../../src/core/check/checker.ts";
import type { CorpusIndex } from "../../src/core/index/corpusIndex.ts";
import { indexOf } from "./helpers/corpus.ts";
import { SentenceMemo } from "../../src/core/check/sentenceMemo.ts";

function verdictOn(index: CorpusIndex, sentence: string, span: string): string | undefined {
  const start = sentence.indexOf(span);
  return checkDocument(index, sentence).find((f) => f.range.start.character < start + span.length && f.range.end.character > start)?.verdict;
}

describe("which documents can speak for a figure's subject", () => {
  // One release defines the abbreviation; the one with the figures only writes the name out.
  const agency = indexOf({
    "inquiry.txt": "The Federal Housing Office (FHO) opened an inquiry into late fees in March.\n",
    "fees.txt": "Already, the Federal Housing Office's rules on late fees are saving 21 million renters an average of $90 a year.\n",
    "rail.txt": "The Rail Safety Board's rules on ticket refunds are saving 44 million riders an average of $35 a year.\n",
  });

  test("Should find a figure for an abbreviation that opens the sentence in a source that writes the name out", () => {
    assert.equal(verdictOn(agency, "FHO rules on late fees save 21 million renters $90 a year.", "21 million"), "supported");
    assert.equal(verdictOn(agency, "FHO rules on late fees save 21 million renters $120 a year.", "$120"), "contradicted");
  });

  test("Should not take a figure for an abbreviation from a source that names another body", () => {
    assert.equal(verdictOn(agency, "FHO rules on ticket refunds save 44 million riders $35 a year.", "44 million"), "unverifiable");
  });

  // The release says who benefits, not which office did it; other releases use both words.
  const deposits = indexOf({
    "deposits.txt": "Starting today, 640,000 tenants who paid their rent on time for ten years will see their deposits returned.\n",
    "other.txt": "Officials at the department expect housing costs to ease next year.\n",
  });

  test("Should check a figure credited to a body the sources never name, when they use its every word", () => {
    assert.equal(verdictOn(deposits, "The Housing Department returned deposits to 640,000 tenants who paid their rent on time.", "640,000"), "supported");
  });

  test("Should still find no source for a figure credited to a body with a word no source uses", () => {
    assert.equal(verdictOn(deposits, "The Quorvex Department returned deposits to 640,000 tenants who paid their rent on time.", "640,000"), "unverifiable");
  });

  // The office is the draft's to get right (the title check's business); the figure is the holder's.
  const offices = indexOf({
    "statement.txt": "As Nevada Attorney General, I recovered $2 billion for defrauded pensioners by taking on predatory lenders.\n",
    "embassies.txt": "The Secretary of State announced $5 billion for new embassies in Asia.\n",
  });

  test("Should check a holder's figure when the draft words the office otherwise", () => {
    assert.equal(verdictOn(offices, "As Nevada's Secretary of State she recovered $2 billion for defrauded pensioners.", "$2 billion"), "supported");
    assert.equal(verdictOn(offices, "As Nevada's Secretary of State she recovered $3 billion for defrauded pensioners.", "$3 billion"), "contradicted");
  });
});

describe("a person the draft names by surname alone", () => {
  // The release names the official in full, once, without a title; the draft says "Mr Farrowby".
  const housing = indexOf({
    "flats.txt": "Dermot Farrowby, who runs the city's housing board, said 3,400 flats would be finished this year.\n",
    "roads.txt": "The transport office said 120 miles of road would be resurfaced this year.\n",
  });

  test("Should check a figure credited to a surname the sources write with a first name", () => {
    assert.equal(verdictOn(housing, "Mr Farrowby said 3,400 flats would be finished this year.", "3,400"), "supported");
    assert.equal(verdictOn(housing, "Mr Farrowby said 4,300 flats would be finished this year.", "4,300"), "contradicted");
    assert.equal(verdictOn(housing, "Farrowby's board said 4,300 flats would be finished this year.", "4,300"), "contradicted");
  });

  test("Should still find no source for a figure credited to a person no source names", () => {
    assert.equal(verdictOn(housing, "Mr Quillane said 4,300 flats would be finished this year.", "4,300"), "unverifiable");
  });
});

describe("a sentence's capitalised first word", () => {
  // The releases speak of production and of a grower called Shell; none uses the word "output".
  const mills = indexOf({
    "mill.txt": "Production at the paper mill rose 3.1% in the spring, its fastest pace in 25 years.\n",
    "grower.txt": "The grower Shell said Shell orchards sold 900 tonnes of fruit in the autumn.\n",
  });

  test("Should check a figure in a sentence that opens with a common word no source uses", () => {
    assert.equal(verdictOn(mills, "Output rose 3.8% in the spring, its fastest pace in 25 years.", "3.8%"), "contradicted");
    assert.equal(verdictOn(mills, "Output rose 3.1% in the spring, its fastest pace in 25 years.", "25 years"), "supported");
  });

  test("Should still find no source for a figure in a sentence that opens with a name no source uses", () => {
    assert.equal(verdictOn(mills, "Zellwood rose 3.8% in the spring, its fastest pace in 25 years.", "3.8%"), "unverifiable");
  });

  test("Should read a common word the sources only write as a name as that name", () => {
    assert.equal(verdictOn(mills, "Shell rose 3.8% in the spring, its fastest pace in 25 years.", "3.8%"), "unverifiable");
  });
});

describe("a subject named only in the sentence before", () => {
  const projects = indexOf({
    "bridge.txt": "Officials moved the Ferrywell Bridge into final design this spring.\nThe overall Ferrywell Bridge project is a $4.26 billion investment in the region.\n",
    "dam.txt": "Officials moved the Kestrel Dam into final design this spring.\nThe overall Kestrel Dam project is a $4.5 billion investment in the region.\n",
  });

  test("Should hold a figure to the subject the previous sentence names", () => {
    const draft = "The city moved the Ferrywell Bridge into final design. The whole project is costed at $4.4 billion.";
    const finding = checkDocument(projects, draft).find((f) => f.claimText === "$4.4 billion");
    assert.equal(finding?.verdict, "contradicted");
    // The bridge's cost, not the dam's, is what the draft is held to.
    assert.match(finding.message, /^Sources say \$4\.26 billion \(bridge\.txt:2\), not/);
    assert.equal(verdictOn(projects, draft.replace("$4.4", "$4.26"), "$4.26 billion"), "supported");
  });

  test("Should re-check a sentence as the writer types when only the sentence before it changed its subject", () => {
    const memo = new SentenceMemo();
    const cited = (draft: string) => memo.check(projects, draft, 0).find((f) => f.claimText === "$4.4 billion")?.message;
    assert.match(cited("The city moved the Ferrywell Bridge into final design. The whole project is costed at $4.4 billion.") ?? "", /bridge\.txt/);
    assert.match(cited("The city moved the Kestrel Dam into final design. The whole project is costed at $4.4 billion.") ?? "", /^Sources say \$4\.5 billion \(dam\.txt:2\), not/);
  });

  test("Should not carry a subject into a sentence that names its own", () => {
    const draft = "The city moved the Ferrywell Bridge into final design. The Kestrel Dam project is costed at $4.5 billion.";
    assert.equal(verdictOn(projects, draft, "$4.5 billion"), "supported");
  });
});

describe("an exact statement against a rounded one", () => {
  const relief = indexOf({
    "relief.txt": "Starting today, over 600,000 student loan borrowers who have been repaying their loans for 25 years will see $31 billion of their loans discharged.\n",
    "statement.txt": "Today we are forgiving $31 billion in student loan debt for 612,000 borrowers who have been paying down their debts for 25 years.\n",
  });

  test("Should hold a figure to the source that states it exactly, not to a rounded bound beside its companions", () => {
    const sentence = "The administration discharged 31 billion dollars of loans held by 621,000 borrowers who had been repaying for 25 years.";
    const finding = checkDocument(relief, sentence).find((f) => f.claimText === "621,000");
    assert.equal(finding?.verdict, "contradicted");
    assert.match(finding.message, /^Sources say 612,000 \(statement\.txt:1\)/);
    assert.equal(verdictOn(relief, sentence.replace("621,000", "612,000"), "612,000"), "supported");
  });
});


test("Should give each document's own sentences, and none for a document without sentences", () => {
  const index = indexOf({ "a.txt": "Acme sold 5 cars. Acme sold 6 vans.\n", "b.txt": "\n", "c.txt": "Brill made 7 boats.\n" });
  const texts = (path: string) => {
    const { from, to } = index.documentSentences(path);
    return index.sentences.slice(from, to).map((s) => s.text);
  };
  assert.deepEqual(texts("a.txt"), ["Acme sold 5 cars.", "Acme sold 6 vans."]);
  assert.deepEqual(texts("b.txt"), []);
  assert.deepEqual(texts("c.txt"), ["Brill made 7 boats."]);
  assert.deepEqual(texts("missing.txt"), []);
});
