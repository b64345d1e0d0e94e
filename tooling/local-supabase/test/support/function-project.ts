// A throw-away project holding copies of the fixture functions, so tests can edit sources
// (reload) and set `.env` without touching the committed fixtures.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURE_PROJECT = fileURLToPath(new URL('../fixtures/project', import.meta.url));

export interface TempFunctionProject {
  root: string;
  functionsDir: string;
  remove(): Promise<void>;
}

/** Copies the fixture functions into a temp project with the given config.toml and functions/.env. */
export async function createFunctionProject(files: {
  configToml?: string;
  dotEnv?: string;
}): Promise<TempFunctionProject> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'fn-project-'));
  const functionsDir = path.join(root, 'supabase', 'functions');
  await cp(path.join(FIXTURE_PROJECT, 'supabase', 'functions'), functionsDir, { recursive: true });
  if (files.configToml !== undefined)
    await writeFile(path.join(root, 'supabase', 'config.toml'), files.configToml);
  if (files.dotEnv !== undefined) await writeFile(path.join(functionsDir, '.env'), files.dotEnv);
  return { root, functionsDir, remove: () => rm(root, { recursive: true, force: true }) };
}
