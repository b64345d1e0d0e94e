// Options for a stack a test starts itself (to restart or reset it): the fixture project, two
// distinct free ports, a temp data dir the test removes, quiet and without fsync.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/free-port.ts';
import type { StartStackOptions } from '../../src/stack.ts';
import { FIXTURE_PROJECT } from './function-project.ts';

export async function ownStackOptions(
  label: string,
): Promise<StartStackOptions & { dataDir: string }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), `${label}-`));
  const apiPort = await freePort();
  let dbPort = await freePort();
  while (dbPort === apiPort) dbPort = await freePort();
  return { projectRoot: FIXTURE_PROJECT, dataDir, apiPort, dbPort, quiet: true, ephemeral: true };
}
