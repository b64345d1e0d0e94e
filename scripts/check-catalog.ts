// Workspace rule that sherif does not have: a dependency used by more than one workspace package
// takes its version from the pnpm catalog (`catalog:`), so one bump in pnpm-workspace.yaml moves
// every user of it. Exits 1 naming each dependency that breaks the rule.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies'] as const;

interface Manifest {
  name?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** The package folders named by pnpm-workspace.yaml's `packages:` list (`dir` or `dir/*`), and the root. */
function workspaceDirs(): string[] {
  const yaml = readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8');
  const block = /^packages:\n((?:\s+-\s+.+\n)+)/m.exec(yaml)?.[1] ?? '';
  const patterns = [...block.matchAll(/-\s+['"]?([^'"\n]+)['"]?/g)].map((match) =>
    match[1]!.trim(),
  );
  const dirs = [root];
  for (const pattern of patterns) {
    if (pattern.endsWith('/*')) {
      const parent = path.join(root, pattern.slice(0, -2));
      for (const entry of readdirSync(parent, { withFileTypes: true })) {
        if (entry.isDirectory()) dirs.push(path.join(parent, entry.name));
      }
    } else {
      dirs.push(path.join(root, pattern));
    }
  }
  return dirs.filter((dir) => existsSync(path.join(dir, 'package.json')));
}

const users = new Map<string, { pkg: string; spec: string }[]>();
for (const dir of workspaceDirs()) {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;
  const pkg = manifest.name ?? path.relative(root, dir);
  for (const field of DEPENDENCY_FIELDS) {
    for (const [dependency, spec] of Object.entries(manifest[field] ?? {})) {
      if (spec.startsWith('workspace:')) continue;
      users.set(dependency, [...(users.get(dependency) ?? []), { pkg, spec }]);
    }
  }
}

const offenders = [...users].filter(
  ([, uses]) =>
    new Set(uses.map((use) => use.pkg)).size > 1 &&
    uses.some((use) => !use.spec.startsWith('catalog:')),
);
if (offenders.length > 0) {
  console.error(
    'Dependencies used by several workspace packages must be `catalog:` (pnpm-workspace.yaml):',
  );
  for (const [dependency, uses] of offenders) {
    console.error(`  ${dependency}: ${uses.map((use) => `${use.pkg} (${use.spec})`).join(', ')}`);
  }
  process.exit(1);
}
console.log(
  `catalog check: ${users.size} external dependencies, every shared one from the catalog`,
);
