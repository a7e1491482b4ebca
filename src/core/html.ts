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

export function htmlToText(html: string): string {
  const withoutHidden = html
    .replace(/<!--[\s\S]*?-->/g, blankOut)
    .replace(/<(script|style|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, blankOut);
  // Block-level tags separate sentences; inline tags vanish.
  const withoutTags = withoutHidden.replace(/<\/?([a-z][a-z0-9-]*)\b[^>]*>/gi, (tag: string, name: string) => {
    const block = /^(p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|footer|blockquote|title|dd|dt)$/i.test(name);
    return blankOut(tag) + (block ? " " : "");
  });
  return withoutTags
    .split("\n")
    .map((line) => decodeEntities(line).replace(/[ \t]+/g, " ").trim())
    .join("\n");
}
