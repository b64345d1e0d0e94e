// Benchmark (not a test): edge-function invoke latency through the gateway against calling the
// same Deno server directly, and storage upload/download throughput for a 10 MB object.
//
//   pnpm --filter @alawein/local-supabase bench:functions-storage [--requests 1000] [--runs 5]
//
// Both invoke paths use one keep-alive node:http client, so the difference is the gateway's own
// cost (auth check, routing, relay over the worker's unix socket, response streaming).
import { randomBytes } from 'node:crypto';
import { Agent, request, type RequestOptions } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createLogger } from '@alawein/logger';
import { DEMO_ANON_KEY, denoCacheDir, toolchainEnv } from '../src/config.ts';
import { BOOTSTRAP_SOURCE } from '../src/functions/bootstrap-source.ts';
import { denoBinary } from '../src/functions/deno-binary.ts';
import { FunctionWorker } from '../src/functions/worker.ts';
import { startTestStack } from '../src/testing.ts';

const FIXTURE_PROJECT = fileURLToPath(new URL('../test/fixtures/project', import.meta.url));
const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '5' },
  },
});
const requests = Math.max(10, Number(values.requests));
const runs = Math.max(1, Number(values.runs));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function timedRequest(
  options: RequestOptions,
  body?: Buffer,
): Promise<{ ms: number; status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(options, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () =>
        resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, bytes }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function latencies(options: RequestOptions, count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const { ms, status } = await timedRequest(options);
    if (status !== 200) throw new Error(`unexpected status ${status}`);
    samples.push(ms);
  }
  return samples.sort((a, b) => a - b);
}

const format = (ms: number) => `${ms.toFixed(2)} ms`;

const stack = await startTestStack({ projectRoot: FIXTURE_PROJECT });
const runDir = await mkdtemp(path.join(tmpdir(), 'lsfn-bench-'));
const bootstrap = path.join(runDir, 'bootstrap.js');
await writeFile(bootstrap, BOOTSTRAP_SOURCE);
// The same worker the gateway runs, started here so its socket can be called directly.
const direct = new FunctionWorker({
  name: 'echo',
  entry: path.join(FIXTURE_PROJECT, 'supabase', 'functions', 'echo', 'index.ts'),
  denoBin: denoBinary(),
  bootstrapPath: bootstrap,
  runDir,
  env: { ...toolchainEnv(), SUPABASE_URL: stack.url, NO_COLOR: '1', DENO_NO_PACKAGE_JSON: '1' },
  readPaths: [path.join(FIXTURE_PROJECT, 'supabase', 'functions'), denoCacheDir(), runDir],
  bootTimeoutMs: 60_000,
  logger: createLogger({ level: 'warn' }),
});

try {
  await direct.ready;
  const api = new URL(stack.url);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const gatewayOptions: RequestOptions = {
    agent,
    host: api.hostname,
    port: api.port,
    path: '/functions/v1/echo',
    headers: { apikey: stack.anonKey, authorization: `Bearer ${DEMO_ANON_KEY}` },
  };
  const directOptions: RequestOptions = {
    agent: direct.agent,
    socketPath: direct.socketPath,
    path: '/echo',
    headers: { apikey: stack.anonKey, authorization: `Bearer ${DEMO_ANON_KEY}`, host: api.host },
  };
  // Warm both paths (JIT, keep-alive sockets, the gateway's lazily started worker).
  await latencies(gatewayOptions, 200);
  await latencies(directOptions, 200);

  const gatewayP50: number[] = [];
  const directP50: number[] = [];
  let lastGateway: number[] = [];
  let lastDirect: number[] = [];
  for (let run = 0; run < runs; run++) {
    // Interleaved runs so machine noise hits both paths alike.
    lastDirect = await latencies(directOptions, requests);
    lastGateway = await latencies(gatewayOptions, requests);
    directP50.push(percentile(lastDirect, 50));
    gatewayP50.push(percentile(lastGateway, 50));
  }
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  console.log(
    `\nwarm edge-function invoke (GET echo, ${requests} sequential requests x ${runs} runs, keep-alive)`,
  );
  console.log(
    `  direct to Deno (unix socket)  p50 ${format(median(directP50))}  p95 ${format(percentile(lastDirect, 95))}`,
  );
  console.log(
    `  through the gateway           p50 ${format(median(gatewayP50))}  p95 ${format(percentile(lastGateway, 95))}`,
  );
  console.log(
    `  gateway overhead              p50 ${format(median(gatewayP50) - median(directP50))}  (target <= 2 ms)`,
  );

  // Storage throughput: 10 MB raw upload and download through the gateway as service_role.
  const size = 10 * 1024 * 1024;
  const payload = randomBytes(size);
  const storageHeaders = {
    apikey: stack.serviceRoleKey,
    authorization: `Bearer ${stack.serviceRoleKey}`,
  };
  const bucket = `bench-${Date.now()}`;
  const created = await fetch(`${stack.url}/storage/v1/bucket`, {
    method: 'POST',
    headers: { ...storageHeaders, 'content-type': 'application/json' },
    body: JSON.stringify({ name: bucket }),
  });
  if (!created.ok)
    throw new Error(`bucket create failed: ${created.status} ${await created.text()}`);
  const uploads: number[] = [];
  const downloads: number[] = [];
  for (let run = 0; run < runs; run++) {
    const objectPath = `/storage/v1/object/${bucket}/file-${run}.bin`;
    const up = await timedRequest(
      {
        agent,
        host: api.hostname,
        port: api.port,
        method: 'POST',
        path: objectPath,
        headers: {
          ...storageHeaders,
          'content-type': 'application/octet-stream',
          'content-length': String(size),
        },
      },
      payload,
    );
    if (up.status !== 200) throw new Error(`upload failed: ${up.status}`);
    uploads.push(size / (1024 * 1024) / (up.ms / 1000));
    const down = await timedRequest({
      agent,
      host: api.hostname,
      port: api.port,
      path: objectPath,
      headers: storageHeaders,
    });
    if (down.status !== 200 || down.bytes !== size)
      throw new Error(`download failed: ${down.status} ${down.bytes} bytes`);
    downloads.push(size / (1024 * 1024) / (down.ms / 1000));
  }
  console.log(`\nstorage, 10 MB object through the gateway (${runs} runs, median)`);
  console.log(`  upload    ${median(uploads).toFixed(0)} MB/s`);
  console.log(`  download  ${median(downloads).toFixed(0)} MB/s\n`);
  agent.destroy();
} finally {
  await direct.stop();
  await rm(runDir, { recursive: true, force: true });
  await stack.stop();
}
