// Preloaded into the language server by the benchmark (node -r bench/probe.cjs): on SIGUSR2 it
// collects garbage and reports the server's memory on stderr, so the heap can be measured from outside.
process.on("SIGUSR2", () => {
  if (typeof global.gc === "function") global.gc();
  process.stderr.write(`\nGROUNDED_BENCH_MEMORY ${JSON.stringify(process.memoryUsage())}\n`);
});
