// The persisted index's file format: a sequence of frames (a length, a kind, a payload) ending with
// an end frame, written one at a time so that no whole-index string or buffer is ever built, and
// read back with a check that the file was written to its end.

/** The kind that marks the end; a file without it was not written to the end. */
export const END = 255;

export function frame(kind: number, payload: Uint8Array): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt32LE(payload.length, 0);
  head.writeUInt8(kind, 4);
  return Buffer.concat([head, payload]);
}

/**
 * JSON as ASCII bytes, anything else written as \u escapes: decoding UTF-8 into a JS string is slow
 * (hundreds of ms for 100 MB), reading ASCII is a copy, and JSON.parse reads the escapes back. A JS
 * string with one non-Latin-1 letter would also travel at two bytes a character.
 */
export function asciiJson(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`), "latin1");
}

export function parseAsciiJson(bytes: Uint8Array): unknown {
  return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1"));
}

/** The frames of a file, in order; throws when the file stops before its end frame. */
export function* readFrames(bytes: Buffer): Generator<{ kind: number; payload: Buffer }> {
  for (let offset = 0; offset < bytes.length; ) {
    if (offset + 5 > bytes.length) break;
    const length = bytes.readUInt32LE(offset);
    const kind = bytes.readUInt8(offset + 4);
    const payload = bytes.subarray(offset + 5, offset + 5 + length);
    if (payload.length !== length) break;
    offset += 5 + length;
    if (kind === END) {
      if (offset !== bytes.length) throw new Error("the index file goes on after its end");
      return;
    }
    yield { kind, payload };
  }
  throw new Error("the index file is cut short");
}

/**
 * Texts as one binary payload: a count, then per text a byte length and an encoding, then the
 * bytes. A text all in Latin-1 is one byte a character and decodes as a copy; any other as UTF-8
 * (UTF-16 would double the file for a page of English with one curly quote). No JSON escapes.
 */
const LATIN1 = 0;
const UTF8 = 2;

export function textsFrame(texts: readonly string[]): Buffer {
  const encoded = texts.map((text) => (/[^\u0000-\u00ff]/.test(text) ? { kind: UTF8, bytes: Buffer.from(text, "utf8") } : { kind: LATIN1, bytes: Buffer.from(text, "latin1") }));
  const head = Buffer.alloc(4 + 5 * texts.length);
  head.writeUInt32LE(texts.length, 0);
  encoded.forEach(({ kind, bytes }, i) => {
    head.writeUInt32LE(bytes.length, 4 + 5 * i);
    head.writeUInt8(kind, 8 + 5 * i);
  });
  return Buffer.concat([head, ...encoded.map((e) => e.bytes)]);
}

export function readTexts(payload: Buffer): string[] {
  return readEncodedTexts(payload).map(({ bytes, encoding }) => bytes.toString(encoding));
}

/** A text of a textsFrame as it is stored: its bytes (a view into the payload) and their encoding. */
export interface EncodedText {
  bytes: Buffer;
  encoding: "latin1" | "utf8";
}

/** The texts of a textsFrame, not decoded: a reader decodes only the parts it reads. */
export function readEncodedTexts(payload: Buffer): EncodedText[] {
  const count = payload.readUInt32LE(0);
  const texts: EncodedText[] = [];
  let at = 4 + 5 * count;
  for (let i = 0; i < count; i++) {
    const length = payload.readUInt32LE(4 + 5 * i);
    texts.push({ bytes: payload.subarray(at, at + length), encoding: payload.readUInt8(8 + 5 * i) === UTF8 ? "utf8" : "latin1" });
    at += length;
  }
  return texts;
}
