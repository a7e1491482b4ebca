// One line of a document's text, as `text.split(/\r\n|\r|\n/)[line]` gives it, without splitting
// the whole draft on every hover and completion request.
export function lineAt(text: string, line: number): string {
  let start = 0;
  for (let current = 0; current < line; current++) {
    const end = lineEnd(text, start);
    if (end >= text.length) return "";
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return text.slice(start, lineEnd(text, start));
}

/** Offset of the line break (CR or LF) that ends the line starting at `start`, or the text's length. */
function lineEnd(text: string, start: number): number {
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return i;
  }
  return text.length;
}

/** How many lines `text.split(/\r\n|\r|\n/)` gives, and the last of them. */
export function lastLine(text: string): { count: number; text: string } {
  let count = 1;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 10 && code !== 13) continue;
    if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
    count++;
    start = i + 1;
  }
  return { count, text: text.slice(start) };
}
