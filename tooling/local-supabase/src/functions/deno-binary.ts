// Finds the Deno executable shipped by the npm package `deno` (no global install needed).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
let cached: string | undefined;

/** Absolute path of the `deno` binary of the npm package; unpacks it if the postinstall was skipped. */
export function denoBinary(): string {
  if (cached) return cached;
  const packageDir = path.dirname(require.resolve('deno/package.json'));
  const exe = path.join(packageDir, process.platform === 'win32' ? 'deno.exe' : 'deno');
  if (existsSync(exe)) {
    cached = exe;
  } else {
    const installer = require('deno/install_api.cjs') as { runInstall(): string };
    cached = installer.runInstall();
  }
  return cached;
}
