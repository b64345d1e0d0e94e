// Runs one circuit on one npm peer simulator, in its own process so the benchmark can stop it at
// the time cap. Usage: node bench/peer.mjs <quantum-circuit|qsharp-lang> <circuit.json>
// Prints {"cpuMs": …, "wallMs": …} for the simulation alone (libraries loaded and warmed first).
import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';

const [peer, file] = process.argv.slice(2);
const circuit = JSON.parse(readFileSync(file, 'utf8'));
const require = createRequire(import.meta.url);

function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function time(run) {
  const cpu = cpuMs();
  const wall = performance.now();
  await run();
  return { cpuMs: cpuMs() - cpu, wallMs: performance.now() - wall };
}

const angle = (x) => x.toFixed(20);

async function quantumCircuit() {
  const QuantumCircuit = require('quantum-circuit');
  const qc = new QuantumCircuit(circuit.numQubits);
  for (const op of circuit.operations) {
    const wires = [...(op.controls ?? []), ...op.targets];
    const params = {};
    if (op.gate === 'cu1') params.lambda = op.params[0];
    else if (op.gate === 'rz') params.phi = op.params[0];
    else if (op.params) params.theta = op.params[0];
    qc.addGate(
      op.gate,
      -1,
      wires.length === 1 ? wires[0] : wires,
      op.params ? { params } : undefined,
    );
  }
  return time(() => qc.run());
}

function qsharpSource() {
  const q = (i) => `qs[${i}]`;
  const body = circuit.operations.map((op) => {
    const [t] = op.targets;
    switch (op.gate) {
      case 'h':
        return `H(${q(t)});`;
      case 'x':
        return `X(${q(t)});`;
      case 'cx':
        return `CNOT(${q(op.controls[0])}, ${q(t)});`;
      case 'rx':
      case 'ry':
      case 'rz':
        return `R${op.gate[1]}(${angle(op.params[0])}, ${q(t)});`;
      case 'cu1':
        return `Controlled R1([${q(op.controls[0])}], (${angle(op.params[0])}, ${q(t)}));`;
      case 'swap':
        return `SWAP(${q(op.targets[0])}, ${q(op.targets[1])});`;
      default:
        throw new Error(`no Q# translation for ${op.gate}`);
    }
  });
  return `operation Main() : Unit {\n use qs = Qubit[${circuit.numQubits}];\n ${body.join('\n ')}\n ResetAll(qs);\n}\n`;
}

async function qsharp() {
  // The package's exports map hides its wasm file, so load it from the installed folder.
  const dir = `${realpathSync(new URL('../node_modules/qsharp-lang', import.meta.url))}/`;
  const qs = await import(`${dir}dist/node.js`);
  await qs.loadWasmModule(readFileSync(`${dir}lib/web/qsc_wasm_bg.wasm`));
  const compiler = await qs.getCompiler();
  const run = async (source) => {
    const events = new qs.QscEventTarget(true);
    await compiler.run({ sources: [['main.qs', source]], languageFeatures: [] }, '', 1, events);
    const [result] = events.getResults();
    if (!result?.success) throw new Error(`Q# run failed: ${JSON.stringify(result).slice(0, 300)}`);
  };
  // Warm-up: the first run compiles the Q# standard library.
  await run('operation Main() : Unit { use q = Qubit(); H(q); Reset(q); }');
  const source = qsharpSource();
  return time(() => run(source));
}

const result = peer === 'quantum-circuit' ? await quantumCircuit() : await qsharp();
process.stdout.write(`${JSON.stringify(result)}\n`);
