// pnpm db:backup [--dir backups] [--keep-db 7] [--keep-storage 30] [--keep N (both)]
import { backupProblems, createBackup } from '../backup.ts';
import { DEFAULT_RETENTION, pruneBackups } from '../retention.ts';
import { describeTarget, targetFromEnv } from '../target.ts';
import { fromInvocationDir, numberOption, parseCli, run } from './args.ts';

const USAGE =
  'pnpm db:backup [--dir <folder>] [--keep <days>] [--keep-db <days>] [--keep-storage <days>]';

run(async () => {
  const { values } = parseCli(USAGE, {
    dir: { type: 'string', default: 'backups' },
    keep: { type: 'string' },
    'keep-db': { type: 'string' },
    'keep-storage': { type: 'string' },
  });
  const keep = values.keep === undefined ? undefined : numberOption('keep', values.keep, 0);
  const retention = {
    databaseDays: numberOption(
      'keep-db',
      values['keep-db'],
      keep ?? DEFAULT_RETENTION.databaseDays,
    ),
    storageDays: numberOption(
      'keep-storage',
      values['keep-storage'],
      keep ?? DEFAULT_RETENTION.storageDays,
    ),
  };
  const target = targetFromEnv();
  const root = fromInvocationDir(values.dir);
  console.log(`backing up ${describeTarget(target)}`);
  const { dir, manifest } = await createBackup({ target, root });
  const problems = await backupProblems(dir, manifest);
  const rows = manifest.database?.tables.reduce((sum, table) => sum + table.rows, 0) ?? 0;
  console.log(`${dir}`);
  console.log(
    `  ${manifest.database?.tables.length ?? 0} tables, ${rows} rows, dump ${manifest.database?.bytes ?? 0} bytes; ` +
      `${manifest.storage?.objects ?? 0} objects, ${manifest.storage?.bytes ?? 0} bytes; ${manifest.durationMs} ms`,
  );
  if (problems.length > 0) {
    console.error(`backup is NOT usable:\n  - ${problems.join('\n  - ')}`);
    return 1;
  }
  const pruned = await pruneBackups(root, retention);
  for (const dir of pruned.removed) console.log(`  pruned ${dir}`);
  for (const dir of pruned.databasePruned)
    console.log(
      `  dropped the database dump of ${dir} (older than ${retention.databaseDays} days)`,
    );
  for (const dir of pruned.storagePruned)
    console.log(`  dropped the objects of ${dir} (older than ${retention.storageDays} days)`);
  console.log('backup verified');
});
