// Findings per open draft, keyed by document version and index version. Each paragraph's
// findings are cached by its text, so an edit re-checks only the paragraph it touched, and in it
// only the sentences it changed.
import { type CorpusIndex, type Finding, IGNORE_MARKER, maskMarkup, SentenceMemo } from "../core/index.js";
import { CancelledError, throwIfCancelled, type CancellationToken } from "../util/cancellation.js";
import { maskedLines, type MaskedRuns } from "./maskedLines.js";

/** The small slice of a text document the engine needs (LSP's TextDocument fits). */
export interface DraftDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

interface Entry {
  version: number;
  indexVersion: number;
  ignoreKey: string;
  findings: Finding[];
  /** paragraph text -> findings with lines relative to the paragraph. */
  paragraphs: Map<string, Finding[]>;
  /** A changed paragraph re-checks only its changed sentences. */
  sentences: SentenceMemo;
  /** Masked runs of lines by their text, so a keystroke does not re-mask the whole draft. */
  masked: MaskedRuns;
}

const MAX_CACHED_PARAGRAPHS = 2000;

/**
 * Paragraphs (runs of non-blank lines) of a draft, with their first line. `runs` carries what
 * masking found from one version of the draft to the next (see maskedLines.ts).
 */
export function paragraphsOf(text: string, runs?: { previous?: MaskedRuns; next: MaskedRuns }): Array<{ firstLine: number; text: string }> {
  // Ignore markers sit inside HTML comments, which masking blanks: apply them first.
  const lines = text.split(/\r\n|\r|\n/).map((line) => (line.includes(IGNORE_MARKER) ? " ".repeat(line.length) : line));
  const masked = runs ? maskedLines(lines, runs.previous, runs.next) : maskMarkup(lines.join("\n")).split("\n");
  const paragraphs: Array<{ firstLine: number; text: string }> = [];
  let start = -1;
  masked.forEach((line, i) => {
    if (line.trim().length === 0) {
      if (start >= 0) paragraphs.push({ firstLine: start, text: masked.slice(start, i).join("\n") });
      start = -1;
    } else if (start < 0) start = i;
  });
  if (start >= 0) paragraphs.push({ firstLine: start, text: masked.slice(start).join("\n") });
  return paragraphs;
}

function shift(findings: Finding[], lines: number): Finding[] {
  if (lines === 0) return findings;
  return findings.map((f) => ({
    ...f,
    range: { start: { line: f.range.start.line + lines, character: f.range.start.character }, end: { line: f.range.end.line + lines, character: f.range.end.character } },
  }));
}

export class DocumentCache {
  private readonly entries = new Map<string, Entry>();

  /** `onError` hears of a paragraph the checker failed on; that paragraph shows nothing, the others their findings. */
  constructor(private readonly onError: (message: string) => void = () => undefined) {}
  /** How many paragraphs the last check had to compute (the rest came from the cache). */
  lastComputedParagraphs = 0;
  /** How many sentences of those paragraphs it had to check. */
  lastComputedSentences = 0;

  /** Every finding for the document, all verdicts; cached while version and index are unchanged. */
  findings(document: DraftDocument, index: CorpusIndex, indexVersion: number, ignore: readonly string[], token?: CancellationToken): Finding[] {
    const ignoreKey = ignore.join("\u0000");
    const known = this.entries.get(document.uri);
    if (known && known.version === document.version && known.indexVersion === indexVersion && known.ignoreKey === ignoreKey) {
      this.lastComputedParagraphs = 0;
      return known.findings;
    }
    const same = known !== undefined && known.indexVersion === indexVersion && known.ignoreKey === ignoreKey;
    const reusable = same ? known.paragraphs : new Map<string, Finding[]>();
    const sentences = same ? known.sentences : new SentenceMemo();
    const paragraphs = new Map<string, Finding[]>();
    const findings: Finding[] = [];
    this.lastComputedParagraphs = 0;
    this.lastComputedSentences = 0;
    const masked: MaskedRuns = new Map();
    for (const paragraph of paragraphsOf(document.getText(), { ...(known ? { previous: known.masked } : {}), next: masked })) {
      throwIfCancelled(token);
      let local = reusable.get(paragraph.text) ?? paragraphs.get(paragraph.text);
      if (!local) {
        local = this.checkSafely(sentences, index, paragraph.text, ignore);
        this.lastComputedParagraphs++;
        this.lastComputedSentences += sentences.lastChecked;
      }
      if (paragraphs.size < MAX_CACHED_PARAGRAPHS) paragraphs.set(paragraph.text, local);
      findings.push(...shift(local, paragraph.firstLine));
    }
    this.entries.set(document.uri, { version: document.version, indexVersion, ignoreKey, findings, paragraphs, sentences, masked });
    return findings;
  }

  private checkSafely(sentences: SentenceMemo, index: CorpusIndex, text: string, ignore: readonly string[]): Finding[] {
    try {
      return sentences.check(index, text, 0, { ignore });
    } catch (error) {
      if (error instanceof CancelledError) throw error;
      // Cached like any result, so the same paragraph is not checked (and reported) again until it changes.
      this.onError(`Checking a paragraph failed: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
