// Percentiles and timing helpers for the benchmark.

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN };
}

export async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

/** A fixed CPU workload, so numbers from a busy or slow machine can be read as ratios of it. */
export function calibrate(): number {
  const start = performance.now();
  let x = 0;
  const map = new Map<string, number>();
  for (let i = 0; i < 300_000; i++) {
    const key = `k${i % 5000}`;
    map.set(key, (map.get(key) ?? 0) + i);
    x += key.length;
  }
  if (x < 0) throw new Error("unreachable");
  return performance.now() - start;
}
