// Asserts on what driver.lua wrote down in Neovim, and prints it.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const result = JSON.parse(readFileSync(process.argv[2], "utf8"));
console.log(JSON.stringify(result, null, 2));
assert.equal(result.error ?? null, null, `the Neovim session failed: ${result.error}`);

const warning = result.diagnostics.find((d) => /not \$68 billion/.test(d.message));
assert.ok(warning, "a warning on the contradicted figure");
assert.match(warning.message, /^Sources say (US)?\$87 billion \(sources\/\d{3}_\w+\.txt:\d+\)/, "from the corpus set in the settings");

assert.match(result.hover, /^\*\*Contradicted by the sources\*\*/);
assert.doesNotMatch(result.hover, /\$\(\w+\)|command:/, "no VS Code codicons or command links");
assert.match(result.hover, /\]\(file:\/\/\/\S+\/sources\/\d{3}_\w+\.txt#L\d+\)/, "file: links to the source line");

assert.ok(result.actions.some((t) => /^Use the source's value/.test(t)), `quick fixes: ${result.actions.join(" | ")}`);
assert.match(result.opened.file, /\/sources\/\d{3}_\w+\.txt$/, "Open source opened the source");
assert.match(result.opened.text, /87 billion/, "at the line that states the figure");

assert.equal(result.prompts, 0, "no blocking prompt");
assert.ok(result.messages.some((m) => /grounded\.maxFileSize/.test(m)), "the invalid setting is reported in a message");
console.log("test:nvim: PASS (diagnostics from the settings' corpus, plain-Markdown hover, Open source, no prompt)");
