// The libraries that read PDF and Word files, loaded on first use: they are large, and most
// corpora are plain text. The bundles load them from a file of their own (dist/readerLibraries.js,
// see esbuild.js), shared by the CLI and the language server and never loaded by the VS Code client.
import type * as PdfJs from "pdfjs-dist/legacy/build/pdf.mjs";
import type * as Mammoth from "mammoth";

export type PdfLibrary = typeof PdfJs;
export type DocxLibrary = typeof Mammoth;

let pdf: Promise<PdfLibrary> | undefined;

/**
 * pdf.js with its worker in this thread: Node has no web workers, and a page's text is parsed in
 * a few milliseconds, between which the caller yields.
 */
export function loadPdfLibrary(): Promise<PdfLibrary> {
  pdf ??= (async () => {
    // At load pdf.js warns (on the console: the CLI's output, an LSP channel) that it cannot
    // render without a canvas; it only extracts text here.
    const { log, warn } = console;
    console.log = console.warn = () => undefined;
    // pdf.js's display layer makes one DOMMatrix as it loads, for rendering; Node has none, and
    // reading text never uses it.
    const globals = globalThis as { DOMMatrix?: unknown };
    globals.DOMMatrix ??= class DOMMatrixForRenderingOnly {};
    try {
      const worker = await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      const library = await import("pdfjs-dist/legacy/build/pdf.mjs");
      return library;
    } finally {
      Object.assign(console, { log, warn });
    }
  })();
  return pdf;
}

export async function loadDocxLibrary(): Promise<DocxLibrary> {
  return (await import("mammoth")) as DocxLibrary;
}

