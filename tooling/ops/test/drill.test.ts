import { describe, expect, it } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { resolveConfig } from '@alawein/local-supabase';
import { formatDrillReport, RECOVERY_TARGETS, runDrill } from '../src/drill.ts';

/** Files the project's `[storage.buckets.*] objects_path` folders put into every new stack. */
function seededObjectCount(): number {
  const count = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce(
      (sum, entry) =>
        sum + (entry.isDirectory() ? count(path.join(dir, entry.name)) : entry.isFile() ? 1 : 0),
      0,
    );
  return (resolveConfig().storageBuckets ?? []).reduce((sum, bucket) => {
    if (!bucket.objectsPath) return sum;
    return sum + (statSync(bucket.objectsPath).isDirectory() ? count(bucket.objectsPath) : 1);
  }, 0);
}

describe('the disaster-recovery drill', () => {
  it('restores a destroyed stack from its backup within the recovery objectives', async () => {
    const report = await runDrill({ users: 2 });
    console.log(formatDrillReport(report).join('\n'));
    expect(report.restore.mismatches).toEqual([]);
    expect(report.restore.objectProblems).toEqual([]);
    expect(report.servedChecks).toHaveLength(2);
    // The two users' photos on top of the files config.toml seeds into buckets (LiveIt's images).
    expect(report.objects).toBe(2 + seededObjectCount());
    expect(report.rtoSeconds).toBeLessThan(RECOVERY_TARGETS.rtoSeconds);
    expect(report.rpoSeconds).toBeLessThan(RECOVERY_TARGETS.rpoSeconds);
  });
});
