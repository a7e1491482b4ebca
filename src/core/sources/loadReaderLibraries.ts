// readerLibraries.ts on first use: the bundles keep it in a file of their own (see esbuild.js).
import type * as ReaderLibraries from "./readerLibraries.js";

/**
 * By require, not import(): Node's import() of a CommonJS file first scans all of it (megabytes
 * here) for the names it exports, about a second.
 */
export function readerLibraries(): typeof ReaderLibraries {
  return require("./readerLibraries.js") as typeof ReaderLibraries;
}
