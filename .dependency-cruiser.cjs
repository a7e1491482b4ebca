// The dependency rules `npm test` enforces (npm run deps): no import cycles anywhere, and the engine
// (src/core) stays free of the editor, the language server and the CLI so every front end can use it.
// Type-only imports count: a cycle of types is still a circle a reader has to untangle.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "front-ends-through-entry",
      comment: "The language server and the CLI use the engine through its public entry, src/core/index.ts.",
      severity: "error",
      from: { path: ["^src/(server|cli)/", "^src/cli\\.ts$"] },
      to: { path: "^src/core/", pathNot: "^src/core/index\\.ts$" },
    },
    {
      name: "no-circular",
      comment: "Modules that import each other in a circle: move what they share into its own module.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "core-without-front-ends",
      comment: "src/core is the engine: the language server, the VS Code client and the CLI import it, never the other way.",
      severity: "error",
      from: { path: "^src/core/" },
      to: { path: ["^src/(server|extension|cli)/", "^src/cli\\.ts$"] },
    },
    {
      name: "core-without-editor",
      comment: "src/core runs in the CLI and in workers too: no VS Code or language-server packages.",
      severity: "error",
      from: { path: "^src/core/" },
      to: { path: ["^vscode$", "^vscode-language", "node_modules/vscode", "node_modules/@types/vscode"] },
    },
  ],
  options: {
    // TypeScript 7 has no JavaScript API for dependency-cruiser to parse with; swc reads TypeScript, type-only imports included.
    parser: "swc",
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(dist|out)/" },
  },
};
