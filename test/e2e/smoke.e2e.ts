// Proves the machinery works without our extension: code-server starts, headless Chromium shows the
// workbench, Quick Open opens the draft. If this fails, the scenarios' failures say nothing about Grounded.
import assert from "node:assert/strict";
import { after, before, describe } from "node:test";
import { scenario, startSession, type Session } from "./harness.ts";

describe("code-server in headless Chromium (no extension)", () => {
  let session: Session | undefined;
  before(async () => {
    session = await startSession({ withExtension: false });
  });
  after(async () => {
    await session?.stop();
  });

  scenario("Should open the workspace and show the draft in an editor", () => session, async (bench) => {
    await bench.openFile("draft.md");
    const text = await bench.editorText();
    assert.match(text, /^# Vietnam and South Korea/);
    assert.match(text, /\$68 billion/);
    const explorer = await bench.page.locator(".explorer-folders-view .monaco-list-row").allTextContents();
    assert.ok(explorer.some((row) => row.includes("corpus")), `explorer rows: ${explorer.join(", ")}`);
    await bench.shot("00-smoke-workbench");
  });
});
