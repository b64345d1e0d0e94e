import { describe, expect, it } from 'vitest';
import { validateCircuit, type Circuit } from './circuit.ts';
import { ghzCircuit, qftCircuit } from './library.ts';
import { QasmError } from './qasm/error.ts';
import { parseQasm } from './qasm/parse.ts';
import { formatAngle, toQasm } from './qasm/serialize.ts';
import { createRandom } from './random.ts';
import { randomCircuit } from './test/helpers.ts';

const HEADER = 'OPENQASM 2.0;\ninclude "qelib1.inc";\n';

describe('parseQasm', () => {
  it('reads registers in declaration order, broadcasts and parameter expressions', () => {
    const circuit = parseQasm(`${HEADER}// two registers
qreg a[2];
qreg b[3];
creg c[5];
h b[0];          /* b[0] is global qubit 2 */
cx a, b[1];
x a;
rz(-pi/4 + 2*pi^2 / (3 - 1)) a[1];
u3(sin(pi/2), cos(0), sqrt(4)*ln(exp(1))) b[2];
barrier a, b[2];
measure a[1] -> c[4];
reset b[1];
`);
    expect(circuit.numQubits).toBe(5);
    expect(circuit.qregs).toEqual([
      { name: 'a', size: 2 },
      { name: 'b', size: 3 },
    ]);
    expect(circuit.cregs).toEqual([{ name: 'c', size: 5 }]);
    expect(circuit.operations).toEqual([
      { gate: 'h', targets: [2] },
      { gate: 'cx', controls: [0], targets: [3] },
      { gate: 'cx', controls: [1], targets: [3] },
      { gate: 'x', targets: [0] },
      { gate: 'x', targets: [1] },
      { gate: 'rz', targets: [1], params: [-Math.PI / 4 + (2 * Math.PI ** 2) / 2] },
      { gate: 'u3', targets: [4], params: [1, 1, 2] },
      { gate: 'barrier', targets: [0, 1, 4] },
      { gate: 'measure', targets: [1], clbits: [4] },
      { gate: 'reset', targets: [3] },
    ]);
  });

  it('accepts measure of whole registers, U and CX, and a program without a header', () => {
    const circuit = parseQasm(
      'qreg q[2]; creg c[2]; U(pi,0,pi) q[0]; CX q[0],q[1]; measure q -> c;',
    );
    expect(circuit.operations).toEqual([
      { gate: 'u3', targets: [0], params: [Math.PI, 0, Math.PI] },
      { gate: 'cx', controls: [0], targets: [1] },
      { gate: 'measure', targets: [0], clbits: [0] },
      { gate: 'measure', targets: [1], clbits: [1] },
    ]);
  });

  it('takes 30 qubits across registers, and refuses 31 at the qreg that crosses the limit', () => {
    expect(parseQasm('qreg a[10]; qreg b[20];').numQubits).toBe(30);
    expect(() => parseQasm('qreg a[10];\n  qreg b[21];')).toThrow(
      expect.objectContaining({ name: 'QasmError', line: 2, column: 3 }),
    );
  });
});

// [with the OPENQASM/include header, program, line, column, reason]
const BAD_PROGRAMS: [boolean, string, number, number, string][] = [
  [true, 'qreg q[2];\nh q[2];\n', 4, 5, 'q[2] does not exist: q has 2 qubits (q[0]…q[1])'],
  [true, 'qreg q[2];\nhh q[0];\n', 4, 1, "Unknown gate or statement 'hh'. Did you mean 'h'?"],
  [
    true,
    'qreg q[2];\nh q[0]\ncx q[0],q[1];\n',
    4,
    7,
    "Missing ';' at the end of the h statement (found 'cx')",
  ],
  [
    true,
    'qreg q[2];\ncx q[0],q[0];\n',
    4,
    1,
    'cx uses the same qubit more than once; each qubit of a gate must differ',
  ],
  [
    true,
    'qreg q[2];\ncx q[0];\n',
    4,
    8,
    "Expected ',' between the qubits of cx (it acts on 2 qubits), found ';'",
  ],
  [true, 'qreg q[2];\nh r[0];\n', 4, 3, "'r' is not declared: add 'qreg r[…];' before using it"],
  [
    true,
    'qreg q[2];\nrx q[0];\n',
    4,
    1,
    'rx needs 1 angle parameter in parentheses, as in rx(pi/2); found 0',
  ],
  [
    true,
    'qreg q[2];\nrx(pi/0) q[0];\n',
    4,
    4,
    'This angle is not a finite number (division by zero?)',
  ],
  [
    true,
    'qreg q[2];\nrx(theta) q[0];\n',
    4,
    4,
    "Unknown name 'theta' in an angle: use numbers, pi, + - * / ^ and sin, cos, tan, exp, ln, sqrt",
  ],
  [true, 'qreg q[2];\nh(pi) q[0];\n', 4, 1, 'h takes no angle parameters'],
  [
    true,
    'qreg q[20];\nqreg r[11];\n',
    4,
    1,
    'Too many qubits: this register brings the total to 31, and the simulator handles at most 30',
  ],
  [true, 'qreg q[0];\n', 3, 8, "A register size must be a whole number of at least 1, found '0'"],
  [
    false,
    'OPENQASM 3.0;\nqubit q;\n',
    1,
    10,
    'Only OpenQASM 2.0 is supported; this program asks for version 3.0',
  ],
  [true, 'include "other.inc";\n', 3, 9, 'Only "qelib1.inc" can be included, not "other.inc"'],
  [
    true,
    'qreg q[1];\ngate foo a { h a; }\n',
    4,
    1,
    "Defining your own gates ('gate') is not supported; use the built-in gates: h, x, y, z, s, sdg, t, tdg, rx, ry, rz, u1, u2, u3, cx, cz, cy, ch, swap, ccx, cu1, crz",
  ],
  [
    true,
    'qreg q[1];\ncreg c[1];\nif(c==1) x q[0];\n',
    5,
    1,
    "Classically controlled gates ('if') are not supported",
  ],
  [
    true,
    'qreg q[2];\ncreg c[1];\nmeasure q -> c;\n',
    5,
    1,
    'measure: q and c must both be single bits or registers of the same size',
  ],
  [
    true,
    'qreg q[2];\ncreg c[2];\nmeasure q[0] c[0];\n',
    5,
    14,
    "Expected '->' after the measured qubit (as in measure q[0] -> c[0];), found 'c'",
  ],
  [
    true,
    'qreg q[2];\nqreg q[3];\n',
    4,
    6,
    "The name 'q' is already used; choose another register name",
  ],
  [true, 'qreg q[2];\n/* never closed\nh q[0];\n', 4, 1, 'This comment is never closed: add "*/"'],
  [true, 'qreg q[2];\nh q[0]; @\n', 4, 9, "Unexpected character '@'"],
  [
    true,
    'qreg q[2];\nrx(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))) q[0];\n',
    4,
    68,
    'This expression is nested too deeply',
  ],
  [true, '', 3, 1, "The program declares no qubits: add a register such as 'qreg q[2];'"],
  [
    true,
    'qreg q[2];\ncreg c[2];\nh c[0];\n',
    5,
    3,
    "'c' is a classical register; qubit 1 of h must be a qubit",
  ],
  [
    true,
    'qreg q[2];\nqreg r[3];\ncx q, r;\n',
    5,
    7,
    'cx: registers q (2) and r (3) have different sizes',
  ],
  [
    true,
    'qreg q[2];\nrx(1,2) q[0];\n',
    4,
    1,
    'rx needs 1 angle parameter in parentheses, as in rx(pi/2); found 2',
  ],
  [true, 'qreg q[2];\nh q[1.5];\n', 4, 5, "An index must be a whole number, found '1.5'"],
  [
    true,
    'qreg q[2];\nu3(1,2 q[0];\n',
    4,
    8,
    "Expected ',' or ')' in the parameters of u3, found 'q'",
  ],
  [true, 'qreg Q[2];\n', 3, 6, "Register names start with a lowercase letter ('Q' does not)"],
  [
    true,
    'qreg q[2];\nmeasure q[0] -> q[1];\n',
    4,
    17,
    "'q' is a quantum register; the classical bit receiving the result must be a classical bit",
  ],
  [true, 'qreg q[2];\nh q[0], q[1];\n', 4, 7, 'h acts on 1 qubit, but more are listed'],
  [
    false,
    'qreg q[2];\nh q[0];\nOPENQASM 2.0;\n',
    3,
    1,
    "'OPENQASM 2.0;' may only appear once, on the first line",
  ],
  [true, 'qreg q[2];\n"abc\n', 4, 1, 'This text string is never closed: add a closing "'],
];

describe('bad programs get a QasmError at the right place', () => {
  it.each(BAD_PROGRAMS)('header %s: %j', (withHeader, body, line, column, reason) => {
    let error: unknown;
    try {
      parseQasm(withHeader ? HEADER + body : body);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(QasmError);
    expect(error).toMatchObject({
      line,
      column,
      reason,
      message: `Line ${line}, column ${column}: ${reason}`,
    });
  });
});

const SAMPLES = [
  `${HEADER}qreg q[3];\ncreg c[3];\nh q[0];\ncx q[0],q[1];\nccx q[0],q[1],q[2];\nmeasure q -> c;\n`,
  `${HEADER}qreg q[2];\nqreg anc[1];\ncreg out[2];\nu2(pi/2,-pi) q[1];\ncu1(3*pi/8) q[0],anc[0];\ncrz(0.123) anc[0],q[1];\nswap q[0],anc[0];\nbarrier q,anc;\nreset q[1];\nmeasure anc[0] -> out[1];\n`,
];

describe('toQasm', () => {
  it('round-trips programs, examples and random circuits exactly', () => {
    const circuits: Circuit[] = [
      ...SAMPLES.map(parseQasm),
      ghzCircuit(4),
      qftCircuit(5, 3),
      ...[1, 2, 3].map((seed) => randomCircuit(6, 60, seed)),
    ];
    for (const circuit of circuits) {
      const text = toQasm(circuit);
      const back = parseQasm(text);
      expect(back.operations).toEqual(circuit.operations);
      expect(back.numQubits).toBe(circuit.numQubits);
      expect(toQasm(back)).toBe(text);
    }
  });

  it('writes multiples of pi when they read back exactly, decimals otherwise', () => {
    expect(formatAngle(Math.PI / 2)).toBe('pi/2');
    expect(formatAngle((-3 * Math.PI) / 4)).toBe('-3*pi/4');
    expect(formatAngle(2 * Math.PI)).toBe('2*pi');
    expect(formatAngle(0.1)).toBe('0.1');
    expect(formatAngle(1e-7)).toBe('1e-7');
    for (const x of [Math.PI / 3, -Math.PI, 1e-300, 123456.789, (5 * Math.PI) / 16]) {
      const circuit = parseQasm(`qreg q[1]; rz(${formatAngle(x)}) q[0];`);
      expect(circuit.operations[0]?.params).toEqual([x]);
    }
  });

  it('writes one register q when the circuit has no layout, and refuses a malformed circuit', () => {
    expect(toQasm({ numQubits: 2, cregs: [], operations: [{ gate: 'h', targets: [1] }] })).toBe(
      `${HEADER}qreg q[2];\nh q[1];\n`,
    );
    expect(() =>
      toQasm({ numQubits: 2, cregs: [], operations: [{ gate: 'cx', targets: [1] }] }),
    ).toThrow('cx takes 1 control(s) and 1 target(s)');
  });
});

describe('fuzzing', () => {
  it('random mutations of valid programs give a circuit or a QasmError, never a crash or a hang', () => {
    const random = createRandom(2026);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random.next() * items.length)]!;
    const pieces = [
      'q',
      'c',
      '[',
      ']',
      '(',
      ')',
      ';',
      ',',
      '->',
      'pi',
      '/',
      '*',
      '-',
      '1',
      '0',
      '31',
      'h',
      'cx',
      'measure',
      'qreg',
      '"',
      '/*',
      '//',
      '\n',
      ' ',
      'é',
      '\u0000',
      '^',
      '9e999',
      '.',
    ];
    let parsed = 0;
    let rejected = 0;
    for (let round = 0; round < 3000; round++) {
      let text = pick(SAMPLES);
      const edits = 1 + Math.floor(random.next() * 4);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random.next() * (text.length + 1));
        const kind = Math.floor(random.next() * 4);
        if (kind === 0)
          text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random.next() * 5));
        else if (kind === 1) text = text.slice(0, at) + pick(pieces) + text.slice(at);
        else if (kind === 2) text = text.slice(0, at) + text.slice(at, at + 20) + text.slice(at);
        else text = text.slice(at) + text.slice(0, at);
      }
      try {
        validateCircuit(parseQasm(text));
        parsed++;
      } catch (error) {
        if (!(error instanceof QasmError))
          throw new Error(`${String(error)} for ${JSON.stringify(text)}`, { cause: error });
        expect(error.line).toBeGreaterThanOrEqual(1);
        expect(error.column).toBeGreaterThanOrEqual(1);
        rejected++;
      }
    }
    expect(parsed).toBeGreaterThan(20);
    expect(rejected).toBeGreaterThan(1000);
  });
});
