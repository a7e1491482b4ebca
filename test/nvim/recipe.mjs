// Prints the README's Neovim recipe (its first ```lua block), so the test runs it as written.
import { readFileSync } from "node:fs";

const readme = readFileSync(process.argv[2] ?? "README.md", "utf8");
const block = /```lua\n([\s\S]*?)```/.exec(readme);
if (!block) {
  console.error("recipe.mjs: no ```lua block in the README");
  process.exit(1);
}
process.stdout.write(block[1]);
