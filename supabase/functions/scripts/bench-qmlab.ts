// qmlab-api POST /run at 16 qubits through the gateway and the function (real Deno), against the
// same simulation in this Node process (the floor), and a 2-qubit Bell run (the request overhead).
// Prints p50/p95 per circuit. Usage: pnpm --filter @alawein/functions bench:qmlab
import pg from 'pg';
import { parseQasm, probabilities, sample, simulate } from '@alawein/quantum';
import { createNodeClient, startTestStack } from '@alawein/local-supabase/testing';

const RUNS = 40;
const WARMUP = 3;
const SHOTS = 1024;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function line(label: string, samples: number[]): string {
  return `${label.padEnd(62)} p50 ${percentile(samples, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(samples, 95).toFixed(1).padStart(7)} ms`;
}

function qasm(n: number, body: string[]): string {
  return ['OPENQASM 2.0;', 'include "qelib1.inc";', `qreg q[${n}];`, ...body, ''].join('\n');
}

/** A rotation on every qubit, then a CNOT ladder; `layers` times (the random circuit). */
function layered(n: number, layers: number): string {
  const body: string[] = [];
  let seed = 12345;
  const angle = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return ((seed / 2 ** 31) * 2 * Math.PI).toFixed(6);
  };
  for (let layer = 0; layer < layers; layer++) {
    for (let q = 0; q < n; q++)
      body.push(`${['rx', 'ry', 'rz'][(q + layer) % 3]}(${angle()}) q[${q}];`);
    for (let q = 0; q + 1 < n; q++) body.push(`cx q[${q}],q[${q + 1}];`);
  }
  return qasm(n, body);
}

function ghz(n: number): string {
  return qasm(n, [
    'h q[0];',
    ...Array.from({ length: n - 1 }, (_, q) => `cx q[${q}],q[${q + 1}];`),
  ]);
}

function qft(n: number): string {
  const body: string[] = [`x q[0];`];
  for (let j = n - 1; j >= 0; j--) {
    body.push(`h q[${j}];`);
    for (let k = j - 1; k >= 0; k--) body.push(`cu1(pi/${2 ** (j - k)}) q[${k}],q[${j}];`);
  }
  for (let q = 0; q < n / 2; q++) body.push(`swap q[${q}],q[${n - 1 - q}];`);
  return qasm(n, body);
}

async function measure(work: () => Promise<unknown> | unknown): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await work();
    samples.push(performance.now() - t0);
  }
  return samples;
}

async function main(): Promise<void> {
  const stack = await startTestStack();
  if (!stack.dbUrl) throw new Error('the benchmark needs the database URL (SUPABASE_TEST_DB_URL)');
  const admin = new pg.Pool({ connectionString: stack.dbUrl, max: 1 });
  try {
    const client = createNodeClient(stack.url, stack.anonKey);
    const { data, error } = await client.auth.signUp({
      email: `bench-${Date.now()}@example.test`,
      password: 'bench-password-1',
    });
    if (error || !data.user || !data.session) throw error ?? new Error('no session');
    const me = data.user.id;
    const token = data.session.access_token;

    // The run budget is the product's; the benchmark clears it between requests.
    const clearBudget = () =>
      admin.query('delete from private.rate_limit_hits where user_id = $1', [me]);
    const run = (text: string) => async () => {
      await clearBudget();
      const response = await fetch(`${stack.url}/functions/v1/qmlab-api/run`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          apikey: stack.anonKey,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ qasm: text, shots: SHOTS, seed: 1 }),
      });
      if (!response.ok) throw new Error(`/run: HTTP ${response.status} ${await response.text()}`);
      await response.arrayBuffer();
    };
    const inProcess = (text: string) => () => {
      const state = simulate(parseQasm(text));
      probabilities(state);
      sample(state, SHOTS, 1);
    };

    const circuits: [string, string][] = [
      ['GHZ, 16 qubits (16 gates)', ghz(16)],
      ['QFT of |1>, 16 qubits (145 gates)', qft(16)],
      ['random layered, 16 qubits (20 layers, 620 gates)', layered(16, 20)],
    ];
    console.log(
      `POST /run with ${SHOTS} shots; ${RUNS} sequential requests after ${WARMUP} warm-ups\n`,
    );
    console.log(line('function: Bell, 2 qubits (overhead)', await measure(run(ghz(2)))));
    for (const [label, text] of circuits) {
      const node = await measure(inProcess(text));
      const fn = await measure(run(text));
      console.log(line(`in-process simulate: ${label}`, node));
      console.log(line(`function POST /run: ${label}`, fn));
      console.log(
        `${''.padEnd(62)} function p95 / in-process p95 = ${(percentile(fn, 95) / percentile(node, 95)).toFixed(2)}×`,
      );
    }
  } finally {
    await admin.end();
    await stack.stop();
  }
}

await main();
