// First contact in a real VS Code: a workspace without sources is told so (status bar and a
// notification), "Choose Source Folder…" points Grounded at a folder, and the walkthrough opens
// the sample workspace. Each step saves a screenshot under test/e2e/screenshots/.
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { after, before, describe } from "node:test";
import { plain, scenario, startSession, waitFor, type Session } from "./harness.ts";

describe("Grounded's first ten minutes in VS Code", () => {
  let session: Session | undefined;

  before(async () => {
    session = await startSession({
      withExtension: true,
      theme: "dark",
      // The sources are in sources/, not corpus/: Grounded cannot know until it is told.
      prepare: async (workspace) => fs.rename(path.join(workspace, "corpus"), path.join(workspace, "sources")),
    });
  });
  after(async () => {
    await session?.stop();
  });
  const current = () => session;

  scenario("Should say there are no sources, and check the draft once the user chooses the source folder", current, async (bench) => {
    await bench.openFile("draft.md");
    await bench.statusBarText(/Grounded: no sources/, 60_000);
    const toast = await bench.find(".notifications-toasts .notification-toast", /no sources to check your drafts against/, "the no-sources notification", 30_000);
    assert.equal(await bench.squiggles().count(), 0, "nothing is checked against a sample the user never chose");
    await bench.shot("20-no-sources");

    await toast.locator(".monaco-button", { hasText: "Choose Source Folder…" }).click();
    // VS Code's own folder picker (the simple file dialog in a remote window): type the folder, accept.
    const input = bench.page.locator(".quick-input-widget .quick-input-box input");
    await input.waitFor({ state: "visible" });
    await input.fill(path.join(bench.workspace, "sources") + "/");
    await waitFor("the dialog to show the sources folder", async () => /sources\/?$/.test(await input.inputValue()));
    await bench.shot("21-choose-source-folder");
    await bench.page.locator(".quick-input-widget .monaco-button", { hasText: "Use as Sources" }).click();

    await bench.statusBarText(/5 sources · 1 contradiction\b/, 60_000);
    await waitFor("the warning squiggle", async () => (await bench.squiggles().count()) > 0, 30_000);
    const settings = JSON.parse(await fs.readFile(path.join(bench.workspace, ".vscode", "settings.json"), "utf8")) as Record<string, unknown>;
    assert.deepEqual(settings["grounded.corpus"], ["sources"], "the choice is saved as a workspace setting, relative to the workspace");
    await bench.shot("22-sources-chosen");
  });

  scenario("Should walk a new user through Grounded and open the sample workspace from the walkthrough", current, async (bench) => {
    await bench.runCommand("Welcome: Open Walkthrough...");
    const entry = await bench.find(".quick-input-widget .quick-input-list .monaco-list-row", /Get Started with Grounded/, "Grounded's walkthrough in the list");
    await entry.click();
    const steps = await bench.find(".getting-started-step", /Try the sample/, "the walkthrough's first step", 30_000);
    const page = plain(await bench.page.locator(".gettingStartedContainer").first().textContent());
    for (const title of ["Try the sample", "Choose your source folder", "Hover a figure", "Search the sources"]) assert.ok(page.includes(title), `the walkthrough has "${title}": ${page.slice(0, 400)}`);
    await steps.click();
    await bench.shot("23-walkthrough");

    await bench.page.locator(".getting-started-step .monaco-button", { hasText: "Open the Sample" }).first().click();
    // The window reopens on the sample workspace: its corpus/ folder is an explicit choice.
    await bench.page.locator(".explorer-folders-view .monaco-list-row", { hasText: "report.md" }).first().waitFor({ state: "visible", timeout: 60_000 });
    await bench.openFile("report.md");
    await bench.statusBarText(/5 sources · 4 contradictions/, 60_000);
    await waitFor("warning squiggles on the sample draft", async () => (await bench.squiggles().count()) >= 4, 30_000);
    await bench.shot("24-sample-opened");
  });
});
