// Strings the index keeps for good (a name or a figure as written), owned rather than cut from the
// text they were found in. V8 makes a cut of 13 or more characters a view of the whole string it
// was cut from: a name kept from a paragraph would keep the whole paragraph's text alive (most of a
// built index's memory on real text, where paragraphs are joined from hard-wrapped lines).

/** Below this length V8 copies a cut string, so it keeps nothing else alive. */
const SLICED_MIN_LENGTH = 13;

export class OwnStrings {
  /** One owned copy per distinct string: names and units repeat thousands of times. */
  private readonly owned = new Map<string, string>();

  /** `text`, as a string of its own. */
  own(text: string): string {
    if (text.length < SLICED_MIN_LENGTH) return text;
    let owned = this.owned.get(text);
    if (owned === undefined) {
      // JSON.parse makes a new string, which views nothing else.
      owned = JSON.parse(JSON.stringify(text)) as string;
      this.owned.set(owned, owned);
    }
    return owned;
  }

  /** The item with each of its own string fields owned (in place). */
  ownFields<T extends object>(item: T): T {
    const fields = item as Record<string, unknown>;
    for (const key in fields) {
      const value = fields[key];
      if (typeof value === "string") fields[key] = this.own(value);
    }
    return item;
  }
}
