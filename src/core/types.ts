// The vocabulary of the engine. Everything here is plain data so it can cross
// process boundaries (language server <-> client, CLI JSON) unchanged.

/** Zero-based line and UTF-16 character, as LSP counts them. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type FigureKind = "money" | "percent" | "count" | "date" | "rank";

/** How a figure is hedged or bounded in the text: "nearly $80 billion" is `approximately`. */
export type Qualifier =
  | "exact"
  | "approximately" // about, around, nearly, almost, roughly, some, approximately
  | "more-than" // over, more than, above, exceeding
  | "at-least" // at least, no less than
  | "less-than" // under, less than, below, fewer than
  | "at-most"; // up to, at most, no more than

/** A calendar date at the precision the text states it. */
export interface CalendarDate {
  year?: number;
  month?: number; // 1-12
  day?: number; // 1-31
}

/**
 * A number as stated in text, with its kind and normalised value.
 * `start`/`end` are UTF-16 offsets into the string that was parsed (end exclusive).
 */
export interface Figure {
  kind: FigureKind;
  /** Exactly as written, e.g. "US$87 billion", "nearly $80 billion" keeps only "$80 billion" here. */
  text: string;
  start: number;
  end: number;
  /**
   * Normalised value: money in whole currency units (87e9), percent as the number (8 for 8%),
   * count as the number, rank as the position (2 for "second-largest"; 10 for "10 largest"),
   * date as a sortable number yyyymmdd with missing parts 0 (19921222, 20090000 for "2009").
   */
  value: number;
  /** Upper end for ranges ("2025-2030", "between 5 and 7"); absent for single values. */
  upper?: number;
  /**
   * money: ISO-ish currency code ("USD", "KRW", "VND", "EUR", "GBP", "JPY"; "USD" when only "$");
   * percent: "%"; count: the counted noun, singular lower-case when present ("worker", "country");
   * rank: the superlative ("largest", "biggest", "top"); date: "date".
   */
  unit: string;
  qualifier: Qualifier;
  /** The hedge or bound word(s) as written, e.g. "nearly", "more than". */
  qualifierText?: string;
  /** For dates: the parts stated. For ranges of years, the start. */
  date?: CalendarDate;
  /** For dates/years: the preposition in front ("in", "by", "since", "for", "until", "from", "on"). */
  preposition?: string;
  /** For ranks: "one of the 10 largest" / "among the 3 largest" is a top-N membership, not a position. */
  topN?: boolean;
}

export type NameKind = "person" | "organisation" | "place" | "agreement" | "other";

/** A mention of a name in text. Offsets are UTF-16 into the parsed string. */
export interface NameMention {
  kind: NameKind;
  /** As written, without the title ("Pham Minh Chinh"). */
  text: string;
  start: number;
  end: number;
  /** Folded key used to match mentions (lower-case, diacritics removed, single spaces). */
  key: string;
  /** Title or role written next to it, normalised ("prime minister", "president"), if any. */
  title?: string;
  /** Where the title sits, before the name or after it in apposition, so a diagnostic can underline it. */
  titleStart?: number;
  titleEnd?: number;
}

/** One sentence of a source document, the unit of indexing and evidence. */
export interface SourceSentence {
  id: number;
  /** Path of the source as shown to the user (relative to the corpus root or cwd). */
  path: string;
  /** Zero-based line in the source file where the sentence starts. */
  line: number;
  /** UTF-16 column of the start in `line`, and of the end in `endLine` (`line` when absent). */
  start: number;
  end: number;
  /** The line the sentence ends on, when it runs across soft line breaks (hard-wrapped sources). */
  endLine?: number;
  /** With `endLine`: offsets in `text` where each later line begins (the joining space is before it). */
  breaks?: number[];
  /** The sentence, its lines joined by a space. */
  text: string;
  figures: Figure[];
  /**
   * Names in the sentence. Once the index is built only those written with a title are kept (what
   * title checks read); every mention stays in the name registry.
   */
  names: NameMention[];
  /** PDF sources: the 1-based page of each line of the sentence, from `line` (it may run on to the next page). */
  pages?: number[];
  /** Word sources: the 1-based paragraph the sentence is in. */
  paragraph?: number;
}

export interface SourceDocument {
  /** Display path (relative), used in messages and JSON. */
  path: string;
  /** Absolute path on disk, for opening. */
  absolutePath: string;
  /** The first non-empty line, used as a title. */
  title: string;
  /** Date stated near the top, used to resolve "this year". */
  date?: CalendarDate;
  /** The text as lines (HTML already converted to text, one entry per original line). */
  lines: string[];
  /** Whether the document is hard-wrapped, when `lines` are only part of it (an archive's); else decided from `lines`. */
  hardWrapped?: boolean;
  size: number;
  mtimeMs: number;
  /** Text extracted from a PDF or Word file (shown as a read-only view of that text, not opened as a file). */
  format?: "pdf" | "docx";
  /** PDF: the 1-based page of each line. */
  pages?: number[];
  /** Word: the 1-based paragraph of each line (0 for the blank lines between paragraphs). */
  paragraphs?: number[];
}

export interface SkippedFile {
  path: string;
  reason: string;
}

export type Verdict = "supported" | "contradicted" | "disputed" | "unverifiable";

/** A source figure used as evidence for a verdict. The JSON contract's `sources` entries. */
export interface Evidence {
  path: string;
  /** Zero-based line in the source file. */
  line: number;
  /** The source sentence. */
  text: string;
  /** The figure as written in the source ("US$87 billion"). */
  value: string;
  /** Column range of that figure within the source line, for highlighting. */
  start?: number;
  end?: number;
  /** PDF sources: the 1-based page of the sentence ("report.pdf p. 12"). */
  page?: number;
  /** Word sources: the 1-based paragraph of the sentence. */
  paragraph?: number;
}

/** A verdict on one figure or titled name in a draft. */
export interface Finding {
  range: Range;
  verdict: Verdict;
  /** One line a user reads: `Sources say US$87 billion (corpus/001_….txt:3), not $68 billion`. */
  message: string;
  /** What was checked, as written in the draft. */
  claimText: string;
  claimKind: FigureKind | "name";
  sources: Evidence[];
  /** For contradicted figures: the source's value as written, offered by the quick fix. */
  suggestion?: string;
}
