#!/usr/bin/env bash
# npm run test:nvim: the README's Neovim recipe, as written, in Debian's Neovim (0.7.2), headless,
# driving the CLI installed the README's way (npm pack, then npm install -g into a temporary prefix).
# The editor attaches the server, gets diagnostics from a corpus set through settings, asks for a
# hover, picks "Open source" from the quick fixes; check.mjs asserts on what it wrote down.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
if ! command -v nvim >/dev/null; then
  echo "test:nvim: installing Debian's neovim"
  apt-get install -y -qq neovim >/dev/null || { apt-get update -qq && apt-get install -y -qq neovim >/dev/null; }
fi
echo "test:nvim: $(nvim --version | head -1)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The CLI as a user installs it.
npm pack --silent --pack-destination "$tmp" >/dev/null
npm install -g --silent --no-audit --no-fund --prefer-offline --prefix "$tmp/prefix" "$tmp"/grounded-*.tgz
export PATH="$tmp/prefix/bin:$PATH"
echo "test:nvim: installed $(command -v grounded) ($(grounded --version))"
status=0
grounded check --sample examples/report.md >/dev/null || status=$?
if [ "$status" -ne 1 ]; then echo "test:nvim: the installed 'grounded check --sample' exited $status, expected 1 (contradictions)"; exit 1; fi

# A project whose sources are not in corpus/: only the settings can point the server at them.
mkdir -p "$tmp/project/sources"
cp corpus/*.txt "$tmp/project/sources/"
printf '# Notes\n\nKorean investment in Vietnam totals $68 billion, the largest of any country.\n' > "$tmp/project/draft.md"
node test/nvim/recipe.mjs README.md > "$tmp/init.lua"
echo "dofile('$root/test/nvim/driver.lua')" >> "$tmp/init.lua"

cd "$tmp/project"
GROUNDED_NVIM_RESULT="$tmp/result.json" timeout 150 nvim --headless -u "$tmp/init.lua" draft.md
cd "$root"
node test/nvim/check.mjs "$tmp/result.json"
