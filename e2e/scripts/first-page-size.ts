// Prints the gzipped size of the JavaScript each app's first page loads, against the 130 KB budget:
// the entry script and every chunk index.html modulepreloads, plus the lazily loaded home route
// chunk and its static imports (from Vite's build manifest). It also checks that none of it is
// supabase-js's Realtime, Storage or Functions client: those load on demand (`client.full()`).
// Reads apps/<app>/dist; build first (`VITE_APP_ENV=development pnpm build`). Exit code 1 when an
// app is not built, and with `--enforce` also when one is over budget or ships one of those clients
// on its first page (a report by default: CI shows the figures).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { APPS } from '../src/apps.ts';

const BUDGET_BYTES = 130 * 1024;
/** Strings only these libraries contain (kept by minification: protocol constants, error names). */
const ON_DEMAND_ONLY = [
  { library: 'realtime-js (phoenix)', marker: 'phx_join' },
  { library: 'storage-js', marker: 'StorageApiError' },
  { library: 'iceberg-js', marker: 'X-Iceberg-Access-Delegation' },
  { library: 'functions-js', marker: 'FunctionsHttpError' },
];
const enforce = process.argv.includes('--enforce');
const HOME_MODULE = 'src/home.tsx';
const appsDir = fileURLToPath(new URL('../../apps/', import.meta.url));

interface ManifestChunk {
  file: string;
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** JS files index.html loads up front: module scripts and modulepreload links. */
function scriptsInHtml(html: string): string[] {
  const files: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isModuleScript = tag.startsWith('<script') && /type="module"/.test(tag);
    const isPreload = tag.startsWith('<link') && /rel="modulepreload"/.test(tag);
    const url = /(?:src|href)="([^"]+\.js)"/.exec(tag)?.[1];
    if ((isModuleScript || isPreload) && url) files.push(url.replace(/^\//, ''));
  }
  return files;
}

/** A manifest entry's file and, transitively, the chunks it imports statically. */
function withStaticImports(manifest: Manifest, key: string, seen = new Set<string>()): string[] {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return [];
  seen.add(key);
  return [
    chunk.file,
    ...(chunk.imports ?? []).flatMap((imported) => withStaticImports(manifest, imported, seen)),
  ];
}

async function measure(app: string) {
  const dist = `${appsDir}${app}/dist/`;
  const manifestPath = `${dist}.vite/manifest.json`;
  if (!existsSync(manifestPath))
    return { app, error: `no build: run \`pnpm --filter ${app} build\`` };
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
  const html = await readFile(`${dist}index.html`, 'utf8');
  if (!manifest[HOME_MODULE])
    return { app, error: `${HOME_MODULE} is not a chunk in the manifest` };
  const files = [...new Set([...scriptsInHtml(html), ...withStaticImports(manifest, HOME_MODULE)])];
  let raw = 0;
  let gzip = 0;
  const shipped = new Set<string>();
  for (const file of files) {
    const bytes = await readFile(`${dist}${file}`);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
    const text = bytes.toString('utf8');
    for (const { library, marker } of ON_DEMAND_ONLY)
      if (text.includes(marker)) shipped.add(library);
  }
  return { app, files: files.length, raw, gzip, onDemandShipped: [...shipped] };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const results = await Promise.all(APPS.map(measure));
let failed = false;
console.log(`First-page JavaScript (gzip -9), budget ${kb(BUDGET_BYTES)} per app`);
console.log(
  ['app'.padEnd(9), 'files'.padStart(5), 'raw'.padStart(10), 'gzip'.padStart(10), '  status'].join(
    ' ',
  ),
);
for (const result of results) {
  if ('error' in result) {
    failed = true;
    console.log(`${result.app.padEnd(9)} ${result.error}`);
    continue;
  }
  const over = result.gzip > BUDGET_BYTES;
  const shipsOnDemand = result.onDemandShipped.length > 0;
  failed ||= (over || shipsOnDemand) && enforce;
  console.log(
    [
      result.app.padEnd(9),
      String(result.files).padStart(5),
      kb(result.raw).padStart(10),
      kb(result.gzip).padStart(10),
      over
        ? `  OVER by ${kb(result.gzip - BUDGET_BYTES)}`
        : `  ok (${kb(BUDGET_BYTES - result.gzip)} left)`,
    ].join(' '),
  );
  if (shipsOnDemand)
    console.log(
      `${' '.repeat(10)}first page includes ${result.onDemandShipped.join(', ')}: load it through client.full()`,
    );
}
if (failed && enforce)
  console.error(
    `\nFirst-page budget failed. Load route pages lazily and keep heavy libraries out of the shell and the home page (packages/app-kit/README.md, "First-page budget").`,
  );
process.exitCode = failed ? 1 : 0;
