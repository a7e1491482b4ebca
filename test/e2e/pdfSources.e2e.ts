// A PDF among the sources, in a real VS Code (code-server): a figure the PDF states is cited by its
// page in the hover, and the hover's link opens the PDF's extracted text at the cited line.
import assert from "node:assert/strict";
import { after, before, describe } from "node:test";
import { plain, scenario, startSession, waitFor, type Session } from "./harness.ts";
import { makePdf, sampleReport } from "../unit/helpers/makePdf.ts";

describe("PDF sources in VS Code", () => {
  let session: Session | undefined;

  before(async () => {
    session = await startSession({
      withExtension: true,
      theme: "dark",
      files: {
        "corpus/trade-report.pdf": makePdf(sampleReport()),
        "exports.md": "# Exports\n\nCoffee exports from the highlands reached $9 billion in 2023.\n",
      },
    });
  });
  after(async () => {
    await session?.stop();
  });

  scenario("Should cite a PDF source by page in the hover, and open its extracted text at the cited line from the link", () => session, async (bench) => {
    await bench.openFile("exports.md");
    await bench.statusBarText(/6 sources · 1 contradiction\b/, 90_000);
    const squiggle = await waitFor("a warning squiggle", async () => ((await bench.squiggles().count()) > 0 ? bench.squiggles().first() : undefined));
    await bench.hover(squiggle);
    const hover = await bench.find(".monaco-hover", /Contradicted/, "the hover on the contradicted figure");
    const text = plain(await hover.textContent());
    assert.match(text, /Sources say \$7 billion \(corpus\/trade-report\.pdf p\. 2\), not \$9 billion/);
    assert.match(text, /Coffee exports from the highlands reached \$7 billion/);
    await bench.shot("pdf-01-hover-page");

    const link = hover.locator("a", { hasText: /trade-report\.pdf p\. 2/ }).first();
    await link.click();
    await bench.activeTab("trade-report.pdf", 30_000);
    const shown = await waitFor("the extracted text in the editor", async () => {
      const content = await bench.editorText();
      return /Coffee exports/.test(content) ? content : undefined;
    }, 30_000);
    assert.match(shown, /page 2/, "page breaks are marked");
    assert.doesNotMatch(shown, /Annual Report|Page \d of 3/, "the running header and footer are not part of the text");
    // The cursor stands on the cited line: the one with the figure, under the page 2 marker.
    const cursorLine = Number(/Ln (\d+),/.exec(await bench.statusBarText(/Ln \d+, Col \d+/))?.[1]);
    const lines = shown.split("\n");
    assert.match(lines[cursorLine - 1] ?? "", /Coffee exports from the highlands reached \$7 billion/, `line ${cursorLine} of:\n${shown}`);
    assert.match(lines.slice(0, cursorLine - 1).reverse().find((l) => /page \d/.test(l)) ?? "", /page 2/);
    await bench.shot("pdf-02-extracted-text");
  });
});
