import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { checkDocument } from "../../src/core/check/checker.ts";
import { extractLine } from "../../src/core/index/corpusIndex.ts";
import { titleLines, type TitledParagraph } from "../../src/core/store/archive/titleLines.ts";
import type { Finding } from "../../src/core/types.ts";
import { indexOf } from "./helpers/corpus.ts";

// Ada Moss is first called director (five times), then secretary more often (eight times): the
// usual title is not the first one, and reading only the first three of each would make it a tie.
const sources: Record<string, string> = {};
for (let i = 0; i < 13; i++) {
  const title = i < 5 ? "Director" : "Secretary";
  sources[`release-${String(i).padStart(2, "0")}.txt`] = `Weekly notes\n\n${title} Ada Moss spoke about the harbour plan on day ${i + 1}.\n\nThe weather was mild.`;
}

/** The title findings of `draft` against `files`. */
function titleFindings(files: Record<string, string>, draft: string): Finding[] {
  return checkDocument(indexOf(files), draft).filter((f) => f.claimKind === "name");
}

describe("archive: the lines a title check reads", () => {
  const whole = indexOf(sources);
  const paths = Object.keys(sources);
  const paragraphs: TitledParagraph[] = paths.map((path, document) => {
    const text = sources[path]!.split("\n")[2]!;
    return { document, path, first_line: 2, text, extraction: JSON.stringify(extractLine(text)) };
  });
  const entity = whole.names.get("ada moss");
  const picked = titleLines(paragraphs, new Set([entity?.key ?? ""]), whole.names);
  const reduced = Object.fromEntries(paths.map((path, document) => [path, picked.has(`${document}:2`) ? sources[path]! : "Weekly notes\n\n\n\nThe weather was mild."]));

  test("Should read fewer lines than every one naming the person", () => {
    assert.ok(entity);
    assert.ok(picked.size < paths.length, `picked ${picked.size} of ${paths.length}`);
  });

  for (const draft of ["Senator Ada Moss opened the harbour.", "Director Ada Moss opened the harbour.", "Secretary Ada Moss opened the harbour."]) {
    test(`Should give the same title verdict on the lines read as on all of them: ${draft}`, () => {
      const expected = titleFindings(sources, draft);
      assert.equal(expected.length, 1);
      assert.deepEqual(titleFindings(reduced, draft), expected);
    });
  }
});
