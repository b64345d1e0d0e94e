// pnpm dr:drill [--users 3] [--rows 0]   (benchmark: pnpm --filter @alawein/ops bench:drill)
import { formatDrillReport, RECOVERY_TARGETS, runDrill } from '../drill.ts';
import { numberOption, parseCli, run } from './args.ts';

run(async () => {
  const { values } = parseCli('pnpm dr:drill [--users <n>] [--rows <n>]', {
    users: { type: 'string' },
    rows: { type: 'string' },
  });
  const report = await runDrill({
    users: numberOption('users', values.users, 3),
    bulkRows: numberOption('rows', values.rows, 0),
    log: (line) => console.log(`- ${line}`),
  });
  for (const line of report.servedChecks) console.log(`  served: ${line}`);
  for (const line of formatDrillReport(report)) console.log(line);
  const ok =
    report.restore.mismatches.length === 0 &&
    report.restore.objectProblems.length === 0 &&
    report.rtoSeconds < RECOVERY_TARGETS.rtoSeconds &&
    report.rpoSeconds < RECOVERY_TARGETS.rpoSeconds;
  return ok ? 0 : 1;
});
