/**
 * Keys of two summaries whose values differ by more than `tolerance` (relative for magnitudes above
 * 1, absolute below, so round-off sized values such as a 1e-15 norm drift compare sensibly; 0 means
 * exactly), plus any key missing on either side. Use it to check a re-run: Ising summaries are
 * bit-identical on every runtime, float modules agree to ~1e-15 (see the README).
 */
export function summaryMismatches(
  actual: Record<string, number>,
  expected: Record<string, number>,
  tolerance: number,
): string[] {
  const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
  return [...keys].filter((key) => {
    const a = actual[key];
    const e = expected[key];
    if (a === undefined || e === undefined) return true;
    if (a === e) return false;
    return tolerance === 0 || Math.abs(a - e) > tolerance * Math.max(Math.abs(e), 1);
  });
}
