// HTML to text that keeps the line structure: line N of the result is line N of the file,
// so a figure found in the text points at the right line of the HTML source.

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ndash: "–", mdash: "—", lsquo: "‘", rsquo: "’",
  ldquo: "“", rdquo: "”", hellip: "…", euro: "€", pound: "£", yen: "¥", cent: "¢", copy: "©", reg: "®",
  deg: "°", middot: "·", bull: "•", times: "×", percnt: "%", dollar: "$",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** Keeps only the newlines of a removed region, so line numbers do not move. */
function blankOut(region: string): string {
  return region.replace(/[^\n]/g, "");
}

/**
 * Replaces every HTML comment with `replace(comment)`; one left unclosed runs to the end, as in a
 * browser. A scan with indexOf: a lazy regular expression would rescan the rest of the text from
 * every "<!--" that has no "-->" after it.
 */
export function replaceComments(text: string, replace: (region: string) => string): string {
  let out = "";
  let from = 0;
  for (let open = text.indexOf("<!--"); open >= 0; open = text.indexOf("<!--", from)) {
    const close = text.indexOf("-->", open + 4);
    const end = close < 0 ? text.length : close + 3;
    out += text.slice(from, open) + replace(text.slice(open, end));
    from = end;
  }
  return from === 0 ? text : out + text.slice(from);
}

const BLOCK_TAG = /^(p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|footer|blockquote|title|dd|dt)$/i;
const HIDDEN_TAG = /^(script|style|noscript|template)$/i;
const TAG_NAME = /<\/?([a-z][a-z0-9-]*)/iy;

/**
 * Removes tags (block tags leave a space) and hidden elements (script, style…) in one pass. Where
 * the next ">" and each hidden element's closing tag stand is looked up once and reused, so a text
 * full of "<" with no ">" costs no more than any other text of its length.
 */
function removeTags(html: string): string {
  let out = "";
  let from = 0;
  let nextClose = -2; // -2: not looked up yet; -1: none left
  const noClosingAfter = new Map<string, number>();
  for (let at = html.indexOf("<"); at >= 0; at = html.indexOf("<", at + 1)) {
    if (at < from) continue;
    TAG_NAME.lastIndex = at;
    const name = TAG_NAME.exec(html);
    if (!name) continue;
    // The tag name must end at a word boundary ("<a-b" is a tag "a-b"; "<a_b" is not a tag).
    const after = html.charCodeAt(TAG_NAME.lastIndex);
    if (after === 95) continue;
    if (nextClose !== -1 && nextClose < at) nextClose = html.indexOf(">", at);
    if (nextClose === -1) break; // no tag can end any more
    let end = nextClose + 1;
    const tagName = name[1]!;
    if (HIDDEN_TAG.test(tagName) && html[at + 1] !== "/" && (noClosingAfter.get(tagName.toLowerCase()) ?? Infinity) > end) {
      const closing = new RegExp(`</${tagName}\\s*>`, "gi");
      closing.lastIndex = end;
      const found = closing.exec(html);
      if (found) end = found.index + found[0].length;
      else noClosingAfter.set(tagName.toLowerCase(), end);
    }
    const region = html.slice(at, end);
    out += html.slice(from, at) + blankOut(region) + (end === nextClose + 1 && BLOCK_TAG.test(tagName) ? " " : "");
    from = end;
    at = end - 1;
  }
  return from === 0 ? html : out + html.slice(from);
}

export function htmlToText(html: string): string {
  // Block-level tags separate sentences; inline tags vanish.
  const withoutTags = removeTags(replaceComments(html, blankOut));
  return withoutTags
    .split("\n")
    .map((line) => decodeEntities(line).replace(/[ \t]+/g, " ").trim())
    .join("\n");
}
