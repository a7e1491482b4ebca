// Source text shown in a QuickPick (no vscode import, so it can be unit-tested).

/** QuickPick labels render "$(icon)" as an icon: source text must not, so the "$(" is broken up. */
export function quickPickText(text: string, max = 160): string {
  const clean = text.replace(/\s+/g, " ").replace(/\$\(/g, "$\u200b(");
  return clean.length > max ? clean.slice(0, max - 1) + "…" : clean;
}
