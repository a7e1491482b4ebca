// A draft is never its own source: exclude patterns that keep the drafts being checked out of the
// corpus listing, whatever folder the sources are read from (`--corpus .` holds the draft too).
import * as path from "node:path";
import { DEFAULT_EXCLUDE } from "../core/sources/corpus.js";

/** A literal path as a glob: picomatch reads a backslash as "the next character is plain". */
export function literalGlob(relativePath: string): string {
  return relativePath.replace(/[\\*?[\]{}()!+@,]/g, "\\$&");
}

/** Whether `file` lies inside `folder` (both absolute). */
export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

/**
 * The exclude globs for a corpus read from `roots` (relative to each root, as the listing matches
 * them): the user's (or the defaults) plus one literal pattern per draft inside a root.
 */
export function excludeDrafts(roots: readonly string[], drafts: readonly string[], exclude: readonly string[] | undefined): string[] {
  const patterns = new Set(exclude?.length ? exclude : DEFAULT_EXCLUDE);
  for (const draft of drafts) {
    const absolute = path.resolve(draft);
    for (const root of roots) {
      const folder = path.resolve(root);
      if (isInside(absolute, folder)) patterns.add(literalGlob(path.relative(folder, absolute).split(path.sep).join("/")));
    }
  }
  return [...patterns];
}
