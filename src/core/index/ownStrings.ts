// Strings the index keeps for good (a name or a figure as written), owned rather than cut from the
// text they were found in: a name kept as a view of its paragraph would keep the whole paragraph's
// text alive (most of a built index's memory on real text, where paragraphs are joined from
// hard-wrapped lines). See ownedCopy.
import { ownedCopy } from "../../util/ownedString.js";

export class OwnStrings {
  /** One owned copy per distinct string: names and units repeat thousands of times. */
  private readonly owned = new Map<string, string>();

  /** `text`, as a string of its own. */
  own(text: string): string {
    let owned = this.owned.get(text);
    if (owned === undefined) {
      owned = ownedCopy(text);
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
