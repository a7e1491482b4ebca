// Minimal PDFs written by hand for the reader's tests: text drawn at given positions in
// Helvetica, ligatures through a font encoding, optionally "encrypted" (a password pdf.js cannot
// guess). Our own words; no PDF from elsewhere.

export interface DrawnText {
  x: number;
  /** Baseline, in points from the bottom of an A4 page (842 high). */
  y: number;
  text: string;
  size?: number;
}

export interface PdfOptions {
  /** An /Encrypt dictionary whose user password is not empty. */
  encrypted?: boolean;
  /** Extra content per page (drawing operators), e.g. a scanned page's image stand-in. */
  drawings?: string[];
}

/** Ligatures are drawn as glyphs of their own (codes 1-5 of the font's encoding). */
const LIGATURES: Record<string, number> = { "\uFB01": 1, "\uFB02": 2, "\uFB00": 3, "\uFB03": 4, "\uFB04": 5 };

function pdfString(text: string): string {
  let out = "(";
  for (const character of text) {
    const ligature = LIGATURES[character];
    if (ligature !== undefined) out += `\\00${ligature}`;
    else if (character === "(" || character === ")" || character === "\\") out += `\\${character}`;
    else if (character.charCodeAt(0) < 128) out += character;
    else throw new Error(`makePdf draws ASCII and ligatures only, not ${character}`);
  }
  return out + ")";
}

export function makePdf(pages: DrawnText[][], options: PdfOptions = {}): Buffer {
  const objects: string[] = [];
  // Object numbers start at 1: the number of an object is the length of the list once it is in.
  const add = (body: string) => objects.push(body);
  const catalog = add("");
  const pageTree = add("");
  const font = add(
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [1 /fi /fl /ff /ffi /ffl] >> >>",
  );
  const pageIds: number[] = [];
  pages.forEach((texts, i) => {
    const drawn = texts.map((t) => `BT /F1 ${t.size ?? 10} Tf ${t.x} ${t.y} Td ${pdfString(t.text)} Tj ET`);
    const content = [...drawn, options.drawings?.[i] ?? ""].join("\n");
    const stream = add(`<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`);
    pageIds.push(add(`<< /Type /Page /Parent ${pageTree} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`));
  });
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pageTree} 0 R >>`;
  objects[pageTree - 1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pageIds.length} >>`;
  let encrypt = "";
  if (options.encrypted) {
    const hex32 = "8f".repeat(32);
    const id = add(`<< /Filter /Standard /V 1 /R 2 /O <${hex32}> /U <${"1d".repeat(32)}> /P -44 >>`);
    encrypt = ` /Encrypt ${id} 0 R /ID [<${"ab".repeat(16)}> <${"ab".repeat(16)}>]`;
  }
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** Lines of prose set in a column from `top` down, `step` points apart. */
export function column(x: number, top: number, lines: string[], step = 13, size = 10): DrawnText[] {
  return lines.map((text, i) => ({ x, y: top - i * step, text, size }));
}

/** A three-page report: the same header and a page footer on every page, one figure per page (the second: $7 billion). */
export function sampleReport(): DrawnText[][] {
  const bodies = [
    ["Rice exports from the delta reached $4 billion in 2023, the ministry said in its review of the year."],
    ["Coffee exports from the highlands reached $7 billion in 2023, helped by higher prices abroad."],
    ["Tea exports reached $1 billion in 2023 and the harbour expansion will cost"],
  ];
  return bodies.map((body, i) => [
    { x: 50, y: 815, text: "Ministry of Trade - Annual Report 2024", size: 9 },
    ...column(50, 760, body),
    { x: 280, y: 30, text: `Page ${i + 1} of 3`, size: 9 },
  ]);
}
