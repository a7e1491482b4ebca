// Custom requests and notifications between the Grounded client and server.
export const SearchRequest = "grounded/search";
export interface SearchParams {
  query: string;
  limit?: number;
}
export interface SearchResultItem {
  uri: string;
  path: string;
  line: number;
  /** PDF and Word sources: the sentence's 1-based page or paragraph. */
  page?: number;
  paragraph?: number;
  text: string;
  score: number;
  highlights: Array<{ start: number; end: number }>;
}

export const FactsRequest = "grounded/facts";
export interface FactsParams {
  kind?: string;
}

export const StatusRequest = "grounded/status";
export const StatusNotification = "grounded/status";
export interface StatusParams {
  indexing: boolean;
  sources: number;
  skipped: Array<{ path: string; reason: string }>;
  /** Contradictions per open draft URI. */
  contradictions: Record<string, number>;
  message?: string;
  /** The shared archive, when one is set. */
  archive?: "connected" | "unreachable";
  /** Set when there are no sources to check against: "unset" (no corpus chosen) or "untrusted". */
  missing?: "unset" | "untrusted";
}

export const ReportRequest = "grounded/report";
export interface ReportParams {
  uri: string;
}

/** The extracted text of a PDF or Word source, for the client's read-only view of it. */
export const SourceTextRequest = "grounded/sourceText";
export interface SourceTextParams {
  /** The source's file: URI. */
  uri: string;
}
export interface SourceTextResult {
  text?: string;
  /** Lines of the extracted text before which the view shows a page marker. */
  pageStarts?: number[];
}
