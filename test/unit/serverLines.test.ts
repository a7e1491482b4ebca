import { test } from "node:test";
import assert from "node:assert/strict";
import { lastLine, lineAt } from "../../src/server/lines.ts";

test("Should give the lines hover and completion read exactly as splitting the draft would, whatever its line breaks", () => {
  const drafts = ["", "one line", "a\nb\n", "a\r\nb\r\nc", "a\rb\r\n\r\nc\n", "\n\n", "end with CR\r", "x\r\r\ny"];
  for (const draft of drafts) {
    const lines = draft.split(/\r\n|\r|\n/);
    for (let line = 0; line < lines.length + 2; line++) assert.equal(lineAt(draft, line), lines[line] ?? "", `${JSON.stringify(draft)} line ${line}`);
    assert.deepEqual(lastLine(draft), { count: lines.length, text: lines[lines.length - 1]! }, JSON.stringify(draft));
  }
});
