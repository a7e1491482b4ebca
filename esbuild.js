// Bundles the CLI, the language server and the VS Code client into dist/.
const esbuild = require("esbuild");

const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  { entryPoints: ["src/cli.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" } },
  { entryPoints: ["src/server/main.ts"], outfile: "dist/server.js" },
  // Worker threads of the CLI and the server that read sources in parallel (src/core/parallelRead.ts).
  { entryPoints: ["src/core/readWorker.ts"], outfile: "dist/readWorker.js" },
  { entryPoints: ["src/extension/extension.ts"], outfile: "dist/extension.js", external: ["vscode"] },
];

async function main() {
  const fs = require("node:fs");
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
