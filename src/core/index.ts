// The engine's public entry: what the language server and the CLI use, by the stage that provides
// it. Front ends import only this file (npm run deps checks it); tests may import a module directly.

// sources/: reading source files (folders, encodings, Markdown front matter, HTML, PDF, Word) into
// paragraphs and sentences.
export { citedPlace, citeLine, citeLocation, pageOrParagraph } from "./sources/citation.js";
export {
  bundledCorpusDir, type CorpusOptions, DEFAULT_MAX_FILE_SIZE, formatBytes, loadCorpus,
} from "./sources/corpus.js";
export { extractedView } from "./sources/extractedView.js";
export { readerThreads } from "./sources/parallelRead.js";

// extract/: finding what a sentence states: normalised words and terms, figures and their context,
// names, what a source does with a figure.
export { extractFigures } from "./extract/figures.js";
export { prefixCompletions } from "./extract/namePrefixes.js";

// index/: the corpus index: sentence search, source figures with their stored contexts, retrieval
// of candidate figures.
export { CorpusIndex, placeInSource, type SearchHit } from "./index/corpusIndex.js";

// store/: keeping an index: the snapshot on disk and its frames, the cache beside the sources, the
// shared PostgreSQL archive.
export { Archive } from "./store/archive/archive.js";
export { checkArchiveUrl, openPool, redactUrl } from "./store/archive/connection.js";
export { loadArchive } from "./store/archive/load.js";
export { openIndex } from "./store/indexCache.js";

// check/: checking a draft: its sentences, comparisons of figures and titles, disputes, messages,
// the report and the fact sheet.
export { checkDocument, checkParagraph, draftNames, prepareForChecks, sourceDisagreements } from "./check/checker.js";
export { IGNORE_MARKER, maskMarkup } from "./check/draft.js";
export { SentenceMemo } from "./check/sentenceMemo.js";
export { type Fact, FACT_KINDS, type FactKind, factsOf } from "./check/facts.js";
export { describeFigure } from "./check/messages.js";
export { renderReportHtml, summarize } from "./check/report.js";

// Shared by every stage.
export type { Finding, Range, SkippedFile, SourceDocument } from "./types.js";
