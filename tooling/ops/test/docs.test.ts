// The docs promise that every command in them works and that the alert thresholds they state
// are the ones in tooling/ops/alerts.json. These checks keep both promises honest.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALERT_THRESHOLDS } from '../src/alerts.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const docs = [
  'README.md',
  ...readdirSync(path.join(root, 'docs')).map((file) => `docs/${file}`),
].filter((file) => file.endsWith('.md') && existsSync(path.join(root, file)));
const PNPM_BUILTINS = new Set([
  'install',
  'i',
  'exec',
  'dlx',
  'add',
  'run',
  'why',
  'list',
  'store',
]);

function scriptsOf(dir: string): Record<string, string> {
  return (
    (
      JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8')) as {
        scripts?: Record<string, string>;
      }
    ).scripts ?? {}
  );
}

function packageDirs(): Map<string, string> {
  const dirs = new Map<string, string>();
  for (const parent of ['apps', 'packages', 'tooling', 'supabase', '.']) {
    const base = path.join(root, parent);
    for (const entry of readdirSync(base, { withFileTypes: true })) {
      const file = path.join(base, entry.name, 'package.json');
      if (entry.isDirectory() && existsSync(file)) {
        dirs.set(
          (JSON.parse(readFileSync(file, 'utf8')) as { name: string }).name,
          path.join(parent, entry.name),
        );
      }
    }
  }
  return dirs;
}

/** `pnpm …` commands inside fenced code blocks and inline code, with leading VAR=… removed. */
function pnpmCommands(markdown: string): string[] {
  const snippets = [...markdown.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].flatMap((m) =>
    m[1]!.split('\n'),
  );
  snippets.push(...[...markdown.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!));
  return snippets
    .flatMap((line) => line.split(/&&|;/))
    .map((part) => part.trim().replace(/^(\w+=\S*\s+|\\\s*)+/, ''))
    .filter((part) => part.startsWith('pnpm '));
}

describe('the docs', () => {
  const rootScripts = scriptsOf('.');
  const packages = packageDirs();

  for (const doc of docs) {
    it(`${doc} names only pnpm commands that exist`, () => {
      const problems: string[] = [];
      for (const command of pnpmCommands(readFileSync(path.join(root, doc), 'utf8'))) {
        const words = command
          .split(/\s+/)
          .slice(1)
          .filter((word) => word !== '--');
        const filterAt = words.findIndex(
          (word) => word === '--filter' || word.startsWith('--filter='),
        );
        if (filterAt >= 0 && words[0]?.startsWith('--filter')) {
          const name = words[filterAt]!.includes('=')
            ? words[filterAt]!.split('=')[1]!
            : words[filterAt + 1]!;
          const script = words[words[filterAt]!.includes('=') ? filterAt + 1 : filterAt + 2];
          const dir = packages.get(name);
          if (!dir) problems.push(`${command}: no package ${name}`);
          else if (script && !PNPM_BUILTINS.has(script) && !(script in scriptsOf(dir)))
            problems.push(`${command}: ${name} has no script ${script}`);
          continue;
        }
        const script = words[0];
        if (script && !PNPM_BUILTINS.has(script) && !(script in rootScripts))
          problems.push(`${command}: no root script ${script}`);
      }
      expect(problems).toEqual([]);
    });
  }

  it('MONITORING.md states the thresholds of alerts.json', () => {
    const text = readFileSync(path.join(root, 'docs/MONITORING.md'), 'utf8');
    expect(text).toContain(`p95 > ${ALERT_THRESHOLDS.latencyP95Ms} ms`);
    expect(text).toContain(`> ${ALERT_THRESHOLDS.errorRatePercent} % of requests`);
    expect(text).toMatch(new RegExp(`database CPU \\| > ${ALERT_THRESHOLDS.databaseCpuPercent} %`));
    expect(text).toMatch(new RegExp(`storage used \\| > ${ALERT_THRESHOLDS.storageUsedPercent} %`));
  });
});
