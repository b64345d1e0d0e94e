import { describe, expect, it } from 'vitest';
import { formatDrillReport, RECOVERY_TARGETS, runDrill } from '../src/drill.ts';

describe('the disaster-recovery drill', () => {
  it('restores a destroyed stack from its backup within the recovery objectives', async () => {
    const report = await runDrill({ users: 2 });
    console.log(formatDrillReport(report).join('\n'));
    expect(report.restore.mismatches).toEqual([]);
    expect(report.restore.objectProblems).toEqual([]);
    expect(report.servedChecks).toHaveLength(2);
    expect(report.objects).toBe(2);
    expect(report.rtoSeconds).toBeLessThan(RECOVERY_TARGETS.rtoSeconds);
    expect(report.rpoSeconds).toBeLessThan(RECOVERY_TARGETS.rpoSeconds);
  });
});
