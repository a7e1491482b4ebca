// Bundles the CLI, the language server and the VS Code client into dist/.
const esbuild = require("esbuild");

const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");

/**
 * pdf.js and mammoth are a bundle of their own, loaded by the CLI and the server when they first
 * meet a PDF or Word source (both bundles sit in dist/, so the relative path holds at run time).
 * @type {import('esbuild').Plugin}
 */
const readerLibrariesApart = {
  name: "reader-libraries-apart",
  setup(build) {
    build.onResolve({ filter: /^\.\/readerLibraries\.js$/ }, () => ({ path: "./readerLibraries.js", external: true }));
  },
};

/**
 * The world-countries data keeps only the fields src/core/knowledge/places.ts reads (English names,
 * short forms, demonyms, capitals, currency codes): 1.4 MB of JSON becomes about 100 kB.
 * @type {import('esbuild').Plugin}
 */
const countryFieldsOnly = {
  name: "country-fields-only",
  setup(build) {
    build.onLoad({ filter: /world-countries[\\/]countries\.json$/ }, async (args) => {
      const countries = JSON.parse(await require("node:fs/promises").readFile(args.path, "utf8"));
      const kept = countries.map((c) => ({
        name: { common: c.name.common, official: c.name.official },
        altSpellings: c.altSpellings,
        demonyms: c.demonyms?.eng ? { eng: c.demonyms.eng } : {},
        capital: c.capital,
        independent: c.independent,
        unMember: c.unMember,
        currencies: Object.fromEntries(Object.keys(c.currencies ?? {}).map((code) => [code, {}])),
        region: c.region,
        subregion: c.subregion,
      }));
      return { contents: JSON.stringify(kept), loader: "json" };
    });
  },
};

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  { entryPoints: ["src/cli.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" }, plugins: [readerLibrariesApart] },
  { entryPoints: ["src/server/main.ts"], outfile: "dist/server.js", plugins: [readerLibrariesApart] },
  // Worker threads of the CLI and the server that read sources in parallel (src/core/sources/parallelRead.ts).
  { entryPoints: ["src/core/sources/readWorker.ts"], outfile: "dist/readWorker.js", plugins: [readerLibrariesApart] },
  { entryPoints: ["src/core/store/archive/extractWorker.ts"], outfile: "dist/archiveWorker.js", plugins: [readerLibrariesApart] },
  // Worker threads of the CLI and the server that read sources in parallel (src/core/sources/parallelRead.ts).
  { entryPoints: ["src/core/sources/readWorker.ts"], outfile: "dist/readWorker.js", plugins: [readerLibrariesApart] },
  { entryPoints: ["src/extension/extension.ts"], outfile: "dist/extension.js", external: ["vscode"], plugins: [readerLibrariesApart] },
  {
    // pdf.js asks import.meta.url where it is, to require a native canvas package for rendering;
    // without it (as in the .vsix, which has no node_modules) it goes on without: text needs none.
    entryPoints: ["src/core/sources/readerLibraries.ts"],
    outfile: "dist/readerLibraries.js",
    define: { "import.meta.url": "undefined" },
  },
];

/** What the archive's engine version covers (src/core/store/archive/engine.ts: keep in step). */
const ENGINE_PARTS = ["src/core/extract", "src/core/knowledge", "src/core/sources", "src/core/index", "src/core/check/facts.ts", "src/core/check/messages.ts", "src/core/store/archive/extract.ts", "src/core/types.ts", "src/util", "package-lock.json"];

/**
 * The engine's version for the archive (src/core/store/archive/engine.ts computes the same when not
 * bundled): each part in order, a folder's .ts files in path order.
 */
function engineVersion() {
  const fs = require("node:fs");
  const path = require("node:path");
  const hash = require("node:crypto").createHash("sha1");
  const add = (full) => hash.update(path.relative(__dirname, full).split(path.sep).join("/")).update("\0").update(fs.readFileSync(full)).update("\0");
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".ts")) add(full);
    }
  };
  for (const part of ENGINE_PARTS) {
    const full = path.join(__dirname, part);
    if (fs.statSync(full).isDirectory()) walk(full);
    else add(full);
  }
  return hash.digest("hex").slice(0, 16);
}

async function main() {
  const fs = require("node:fs");
  const engine = JSON.stringify(engineVersion());
  const contexts = [];
  for (const options of builds) {
    if (!fs.existsSync(options.entryPoints[0])) continue;
    contexts.push(
      await esbuild.context({
        bundle: true,
        platform: "node",
        format: "cjs",
        target: "node18",
        sourcemap: production ? false : "linked",
        minify: production,
        logLevel: "warning",
        ...options,
        define: { GROUNDED_ENGINE_VERSION: engine, ...(options.define ?? {}) },
        // node-postgres's optional native binding is never used.
        external: ["pg-native", ...(options.external ?? [])],
        plugins: [...(options.plugins ?? []), countryFieldsOnly],
      }),
    );
  }
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  if (fs.existsSync("dist/cli.js")) fs.chmodSync("dist/cli.js", 0o755);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
