export function joinLines(...lines: string[]): string {
  return lines.join("\n");
}
