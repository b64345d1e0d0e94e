// pnpm db:restore <backup folder> [--force]
import { restoreBackup, RestoreRefused } from '../restore.ts';
import { describeTarget, targetFromEnv } from '../target.ts';
import { fromInvocationDir, parseCli, run } from './args.ts';

const USAGE = 'pnpm db:restore <backup folder> [--force]';

run(async () => {
  const { values, positionals } = parseCli(USAGE, { force: { type: 'boolean', default: false } });
  if (positionals.length !== 1) {
    console.error(`name one backup folder\n\nusage: ${USAGE}`);
    return 2;
  }
  const target = targetFromEnv();
  console.log(`restoring ${positionals[0]} into ${describeTarget(target)}`);
  try {
    const report = await restoreBackup({
      backupDir: fromInvocationDir(positionals[0]!),
      target,
      force: values.force,
    });
    for (const mismatch of report.mismatches) {
      console.error(
        `  mismatch in ${mismatch.table}: expected ${mismatch.expected.rows} rows (${mismatch.expected.checksum}), ` +
          `got ${mismatch.actual ? `${mismatch.actual.rows} rows (${mismatch.actual.checksum})` : 'no table'}`,
      );
    }
    for (const problem of report.objectProblems) console.error(`  object ${problem}`);
    const tables = report.manifest.database?.tables.length ?? 0;
    if (report.mismatches.length > 0 || report.objectProblems.length > 0) {
      console.error('restore finished but does NOT match the backup');
      return 1;
    }
    console.log(
      `restored and verified ${tables} tables and ${report.manifest.storage?.objects ?? 0} objects in ${report.durationMs} ms`,
    );
  } catch (error) {
    if (error instanceof RestoreRefused) {
      console.error(`refused: ${error.message}`);
      return 1;
    }
    throw error;
  }
});
