/**
 * Builds bench/first-paint (an app-like page rendering AppShell, AuthForm, Button, ErrorFallback,
 * Spinner and ToastProvider through the package index) and prints the gzipped JS its first page
 * loads, what that JS is made of, the lazily loaded rest, and the CSS. Fails if any Radix module
 * reaches the first page: tree-shaking must keep Dialog/Select/Tabs out, and Toast's Radix part
 * loads with the first toast.
 *   pnpm --filter @alawein/ui bundle-size
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { build, type Rollup } from 'vite';

const packageDir = resolve(fileURLToPath(import.meta.url), '../..');
const outDir = mkdtempSync(join(tmpdir(), 'ui-bundle-'));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (text: string) => gzipSync(text, { level: 9 }).length;

try {
  const result = (await build({
    root: join(packageDir, 'bench/first-paint'),
    logLevel: 'warn',
    plugins: [react(), tailwindcss()],
    build: { outDir, emptyOutDir: true },
  })) as Rollup.RollupOutput;

  const chunks = new Map<string, Rollup.OutputChunk>();
  let cssGzip = 0;
  for (const item of result.output) {
    if (item.type === 'chunk') {
      chunks.set(item.fileName, item);
    } else if (item.fileName.endsWith('.css')) {
      const css =
        typeof item.source === 'string' ? item.source : Buffer.from(item.source).toString();
      cssGzip += gz(css);
      if (!css.includes('.text-success'))
        throw new Error('fixture class missing: app @source broken');
      if (!css.includes('.bg-primary'))
        throw new Error('package class missing: package @source broken');
    }
  }

  // First page = the entry chunk and everything it imports statically; dynamic imports come later.
  const firstPage = new Set<string>();
  const visit = (fileName: string) => {
    if (firstPage.has(fileName)) return;
    firstPage.add(fileName);
    chunks.get(fileName)?.imports.forEach(visit);
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);

  const origin = { react: 0, ui: 0, zod: 0, other: 0 };
  let firstGzip = 0;
  let lazyGzip = 0;
  const radixFirst = new Set<string>();
  const radixLazy = new Set<string>();
  for (const chunk of chunks.values()) {
    const first = firstPage.has(chunk.fileName);
    if (first) firstGzip += gz(chunk.code);
    else lazyGzip += gz(chunk.code);
    for (const [id, info] of Object.entries(chunk.modules)) {
      const radix = /node_modules\/(@radix-ui\/[^/]+)/.exec(id)?.[1];
      if (radix) (first ? radixFirst : radixLazy).add(radix);
      if (!first) continue;
      if (id.startsWith(join(packageDir, 'src'))) origin.ui += info.renderedLength;
      else if (/node_modules\/(react|react-dom|scheduler)\//.test(id))
        origin.react += info.renderedLength;
      else if (/node_modules\/zod\//.test(id)) origin.zod += info.renderedLength;
      else origin.other += info.renderedLength;
    }
  }
  const total = origin.react + origin.ui + origin.zod + origin.other;
  const pct = (part: number) => `${((part / total) * 100).toFixed(1)}%`;
  const list = (names: Set<string>) => (names.size === 0 ? 'none' : [...names].sort().join(', '));
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');

  console.log('@alawein/ui first-page fixture (bench/first-paint)');
  console.log(`  first-page JS gzipped: ${kb(firstGzip)} in ${firstPage.size} chunk(s)`);
  console.log(
    `  first-page JS by origin (minified): react+react-dom ${pct(origin.react)}, ` +
      `zod ${pct(origin.zod)}, @alawein/ui ${pct(origin.ui)}, other ${pct(origin.other)}`,
  );
  console.log(`  lazy JS gzipped (loaded with the first toast): ${kb(lazyGzip)}`);
  console.log(`  CSS gzipped: ${kb(cssGzip)}`);
  console.log(`  Radix in first page: ${list(radixFirst)}`);
  console.log(`  Radix in lazy chunks: ${list(radixLazy)}`);
  console.log(`  index.html: ${html.length} bytes`);
  if (radixFirst.size > 0) {
    console.error('Radix code reached the first page: tree-shaking or lazy loading is broken.');
    process.exitCode = 1;
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
