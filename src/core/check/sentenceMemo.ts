// Checking a paragraph sentence by sentence with a memo, for re-checking as the writer types: a
// keystroke changes one sentence, and the paragraph's other sentences keep their findings.
// A sentence's findings depend on its text and on the source sentences the paragraph's earlier
// sentences were found in (its pins) and the subject it carries from the one before, so all make
// the key; the result equals checkDocument's.
import type { CorpusIndex } from "../index/corpusIndex.js";
import type { Finding, Position } from "../types.js";
import { checkSentence, withCarriedSubjects, type CheckOptions } from "./checker.js";
import { positionAt, readDraft } from "./draft.js";
import { throwIfCancelled } from "../../util/cancellation.js";

interface Memo {
  /** Ranges as offsets into the sentence (line 0): the sentence may sit anywhere in the draft. */
  findings: Finding[];
  /** Source sentences it was found in, which the paragraph's next sentences start from. */
  pinned: number[];
}

/** Findings of sentences by text and starting pins; one per draft, kept while index and settings stay. */
export class SentenceMemo {
  private memos = new Map<string, Memo>();
  private previous = new Map<string, Memo>();

  /** How many sentences the last `check` had to check (the rest were remembered). */
  lastChecked = 0;

  constructor(private readonly limit = 4000) {}

  /**
   * Findings of `paragraph` (the whole draft's lines from `firstLine`), equal to
   * checkParagraph's; sentences seen with the same pins before are not checked again.
   */
  check(index: CorpusIndex, paragraph: string, firstLine: number, options: CheckOptions = {}): Finding[] {
    const { paragraphs, starts } = readDraft(paragraph);
    const findings: Finding[] = [];
    this.lastChecked = 0;
    const at = (offset: number, character: number): Position => {
      const position = positionAt(starts, offset + character);
      return { line: position.line + firstLine, character: position.character };
    };
    for (const part of paragraphs) {
      const pins = new Set<number>();
      for (const sentence of withCarriedSubjects(part.sentences)) {
        throwIfCancelled(options.token);
        // A subject carried from the previous sentence changes the findings as the pins do.
        const key = `${[...pins].sort((a, b) => a - b).join(",")}\u0000${(sentence.carried ?? []).join(" ")}\u0000${sentence.text}`;
        let memo = this.memos.get(key) ?? this.previous.get(key);
        if (!memo) {
          const before = new Set(pins);
          const local = checkSentence(index, { offset: 0, text: sentence.text, ...(sentence.carried ? { carried: sentence.carried } : {}) }, [0], options, before);
          memo = { findings: local, pinned: [...before].filter((id) => !pins.has(id)) };
          this.lastChecked++;
        }
        this.remember(key, memo);
        for (const id of memo.pinned) pins.add(id);
        for (const finding of memo.findings) {
          findings.push({ ...finding, range: { start: at(sentence.offset, finding.range.start.character), end: at(sentence.offset, finding.range.end.character) } });
        }
      }
    }
    return findings;
  }

  /** Two generations: what the last `limit` sentences used stays, older memos go. */
  private remember(key: string, memo: Memo): void {
    if (this.memos.has(key)) return;
    if (this.memos.size >= this.limit) {
      this.previous = this.memos;
      this.memos = new Map();
    }
    this.memos.set(key, memo);
  }
}
