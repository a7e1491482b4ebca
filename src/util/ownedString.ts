// A string kept for good, copied out of the text it was cut from. V8 makes a cut of 13 or more
// characters a view of the whole string it was cut from, so a short string kept (a title, a name)
// would keep a whole file's or paragraph's text alive.

/** Below this length V8 copies a cut string, so it keeps nothing else alive. */
const SLICED_MIN_LENGTH = 13;

/** `text` as a string of its own (the same string when it is too short to be a view). */
export function ownedCopy(text: string): string {
  // JSON.parse makes a new string, which views nothing else.
  return text.length < SLICED_MIN_LENGTH ? text : (JSON.parse(JSON.stringify(text)) as string);
}
