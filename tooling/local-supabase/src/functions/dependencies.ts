// The local files a function loads, from `deno info --json`: functions may import code from
// outside supabase/functions (workspace packages through their deno.json import map), and a
// change there must reload them too.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

interface DenoInfo {
  modules?: { specifier?: string }[];
}

/** Absolute paths of every local module in the function's graph (empty if Deno cannot tell). */
export function localDependencies(options: {
  denoBin: string;
  entry: string;
  configFile: string | undefined;
  env: Record<string, string>;
}): Promise<string[]> {
  const args = [
    'info',
    '--json',
    ...(options.configFile ? ['--config', options.configFile] : ['--no-config']),
    options.entry,
  ];
  return new Promise((resolve) => {
    execFile(
      options.denoBin,
      args,
      { env: options.env, maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
      (error, stdout) => {
        if (error) return resolve([]);
        try {
          const info = JSON.parse(stdout) as DenoInfo;
          resolve(
            (info.modules ?? [])
              .map((module) => module.specifier ?? '')
              .filter((specifier) => specifier.startsWith('file:'))
              .map((specifier) => fileURLToPath(specifier)),
          );
        } catch {
          resolve([]);
        }
      },
    );
  });
}
