// Lighthouse (mobile preset: Moto G Power screen, simulated slow 4G and 4x CPU slowdown) on each
// app's home and sign-in pages. Builds every app against a private local stack, serves the builds
// with `vite preview` on free ports, audits them in Chromium and prints the performance score, LCP,
// TBT and CLS per page; the full reports go to e2e/.lighthouse/reports. A report, not a test: with
// `--enforce` it exits 1 when a page scores under 95. `--runs N` audits each page N times and keeps
// the median run (by score); app names as arguments limit it to those apps.
//   pnpm lighthouse [--enforce] [--runs 3] [repz qmlab]
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { PreviewServer } from 'vite';
import { startTestStack } from '@alawein/local-supabase/testing';
import { APPS } from '../src/apps.ts';
import { chromiumExecutable } from '../src/env.ts';
import { buildAndServe, urlOf } from '../src/serve-app.ts';

const MIN_SCORE = 95;
const PAGES = [
  { page: 'home', path: '/' },
  { page: 'sign-in', path: '/sign-in' },
] as const;
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
const outRoot = fileURLToPath(new URL('../.lighthouse/', import.meta.url));

const { values, positionals } = parseArgs({
  options: { enforce: { type: 'boolean', default: false }, runs: { type: 'string', default: '1' } },
  allowPositionals: true,
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1`);
const unknown = positionals.filter((name) => !(APPS as readonly string[]).includes(name));
if (unknown.length > 0)
  throw new Error(`unknown app ${unknown.join(', ')}: choose from ${APPS.join(', ')}`);
const apps = positionals.length > 0 ? positionals : [...APPS];

interface PageResult {
  app: string;
  page: string;
  score: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Lighthouse's CPU benchmark of this machine during the run (a quiet desktop: ~1000–2000). */
  benchmarkIndex: number;
}

/** One Lighthouse performance audit of `url`; saves the full report beside the builds. */
async function audit(url: string, port: number, reportName: string) {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr, report } = result;
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
  await writeFile(`${outRoot}reports/${reportName}.json`, String(report));
  const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    lcpMs: metric('largest-contentful-paint'),
    tbtMs: metric('total-blocking-time'),
    cls: metric('cumulative-layout-shift'),
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
  };
}

const median = <T extends { score: number }>(results: T[]): T =>
  [...results].sort((a, b) => a.score - b.score)[Math.floor(results.length / 2)]!;

const stack = await startTestStack();
const servers: PreviewServer[] = [];
let chrome: chromeLauncher.LaunchedChrome | undefined;
const results: PageResult[] = [];
try {
  await mkdir(`${outRoot}reports`, { recursive: true });
  const urls = new Map<string, string>();
  for (const app of apps) {
    const server = await buildAndServe(app, `${outRoot}builds/${app}`, {
      VITE_SUPABASE_URL: stack.url,
      VITE_SUPABASE_ANON_KEY: stack.anonKey,
    });
    servers.push(server);
    urls.set(app, urlOf(server));
  }
  const chromePath = chromiumExecutable();
  chrome = await chromeLauncher.launch({
    ...(chromePath ? { chromePath } : {}),
    chromeFlags: CHROME_FLAGS,
  });
  for (const app of apps) {
    for (const { page, path } of PAGES) {
      const audits = [];
      for (let run = 1; run <= runs; run += 1)
        audits.push(await audit(`${urls.get(app)}${path}`, chrome.port, `${app}-${page}-${run}`));
      results.push({ app, page, ...median(audits) });
    }
  }
} finally {
  chrome?.kill();
  await Promise.allSettled(servers.map((server) => server.close()));
  await stack.stop();
}

const below = results.filter((result) => result.score < MIN_SCORE);
console.log(
  `Lighthouse ${runs > 1 ? `(median of ${runs} runs) ` : ''}mobile performance, target ≥ ${MIN_SCORE}`,
);
console.log(
  ['app'.padEnd(8), 'page'.padEnd(8), 'score', '     LCP', '    TBT', '    CLS', ' CPU index'].join(
    ' ',
  ),
);
for (const r of results)
  console.log(
    [
      r.app.padEnd(8),
      r.page.padEnd(8),
      String(r.score).padStart(5),
      `${(r.lcpMs / 1000).toFixed(2)} s`.padStart(8),
      `${Math.round(r.tbtMs)} ms`.padStart(7),
      r.cls.toFixed(3).padStart(7),
      String(r.benchmarkIndex).padStart(10),
      r.score < MIN_SCORE ? ' below target' : '',
    ].join(' '),
  );
console.log(`Reports: ${outRoot}reports`);
console.log(
  'TBT and LCP scale with the CPU index: simulated throttling multiplies the tasks observed on this\n' +
    'machine by 4, so a busy or slow machine (index well under 1000) reads as a slow phone.',
);
if (below.length > 0 && values.enforce) {
  console.error(
    `\n${below.length} page(s) under ${MIN_SCORE}: ${below.map((r) => `${r.app} ${r.page} (${r.score})`).join(', ')}`,
  );
  process.exitCode = 1;
}
