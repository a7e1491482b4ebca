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
  /** Set when there are no sources to check against: "unset" (no corpus chosen) or "untrusted". */
  missing?: "unset" | "untrusted";
}

export const ReportRequest = "grounded/report";
export interface ReportParams {
  uri: string;
}
