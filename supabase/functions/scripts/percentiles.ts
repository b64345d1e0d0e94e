// Latency figures for the benchmark scripts: nearest-rank percentiles and one printed line.

/** The p-th percentile (nearest rank) of `samples`. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** `label  p50 … ms   p95 … ms`, padded so several lines line up. */
export function describeLatency(label: string, samples: number[], width = 34): string {
  const f = (n: number) => n.toFixed(2).padStart(7);
  return `${label.padEnd(width)} p50 ${f(percentile(samples, 50))} ms   p95 ${f(percentile(samples, 95))} ms`;
}
