// Turns file bytes into text, or a reason why they are not text.

export type Decoded = { text: string; encoding: string } | { reason: string };

const SIGNATURES: Array<{ bytes: number[]; name: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46], name: "PDF" },
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: "PNG image" },
  { bytes: [0xff, 0xd8, 0xff], name: "JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: "GIF image" },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: "ZIP archive (or Office document)" },
  { bytes: [0x1f, 0x8b], name: "gzip archive" },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], name: "executable" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: "Office document" },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Decodes UTF-8 (with or without BOM) and UTF-16 with BOM; falls back to Windows-1252 for legacy text. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  for (const signature of SIGNATURES) {
    if (startsWith(bytes, signature.bytes)) return { reason: `binary file (${signature.name})` };
  }
  const head = bytes.subarray(0, 8192);
  let nul = 0;
  let control = 0;
  for (const b of head) {
    if (b === 0) nul++;
    else if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (nul > 0) {
    // UTF-16 without BOM: every other byte is zero for Latin text.
    const evenZeros = head.filter((b, i) => i % 2 === 1 && b === 0).length;
    if (evenZeros > head.length / 4 && nul <= head.length / 2 + 1) return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le" };
    return { reason: "binary file (contains NUL bytes)" };
  }
  if (control > head.length / 10) return { reason: "binary file (mostly control characters)" };
  try {
    const start = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(start)), encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

/** Windows-1252's characters for bytes 0x80-0x9F (the rest is Latin-1); undefined bytes stay as they are. */
const WINDOWS_1252_HIGH = "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/**
 * Windows-1252 by hand: Node's TextDecoder("windows-1252") decodes Latin-1 when built without full
 * ICU, which turns "€" and curly quotes into invisible control characters.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return latin1.replace(/[\u0080-\u009f]/g, (ch) => WINDOWS_1252_HIGH[ch.charCodeAt(0) - 0x80]!);
}
