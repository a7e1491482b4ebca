// pdf.js ships no types for its worker module; only its message handler is used (set as the
// in-thread worker, see readerLibraries.ts).
declare module "pdfjs-dist/legacy/build/pdf.worker.mjs" {
  export const WorkerMessageHandler: unknown;
}
