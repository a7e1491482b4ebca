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
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}
