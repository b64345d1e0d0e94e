import {
  GATE_NAMES,
  GATE_SHAPES,
  MAX_QUBITS,
  isGateName,
  type Circuit,
  type GateName,
  type Operation,
  type Register,
} from '../circuit.ts';
import { QasmError } from './error.ts';
import { tokenize, type Token } from './lexer.ts';

const FUNCTIONS: Readonly<Record<string, (x: number) => number>> = {
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  exp: Math.exp,
  ln: Math.log,
  sqrt: Math.sqrt,
};

/** Deep nesting like "((((…" is almost certainly a mistake; it must not overflow the stack. */
const MAX_EXPRESSION_DEPTH = 64;

const GATE_LIST = GATE_NAMES.join(', ');

interface DeclaredRegister {
  offset: number;
  size: number;
  kind: 'qreg' | 'creg';
}

/** An argument of a statement: one bit, or a whole register (which broadcasts). */
interface Argument {
  offset: number;
  size: number;
  single: boolean;
  token: Token;
  name: string;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = row;
  }
  return prev[b.length]!;
}

function suggestion(name: string): string {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of [...GATE_NAMES, 'measure', 'reset', 'barrier', 'qreg', 'creg']) {
    const d = editDistance(lower, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best === undefined ? '' : ` Did you mean '${best}'?`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

class Parser {
  private pos = 0;
  private readonly registers = new Map<string, DeclaredRegister>();
  private readonly qregs: Register[] = [];
  private readonly cregs: Register[] = [];
  private numQubits = 0;
  private numClbits = 0;
  private readonly operations: Operation[] = [];

  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos]!;
  }

  private next(): Token {
    const token = this.tokens[this.pos]!;
    if (token.kind !== 'eof') this.pos++;
    return token;
  }

  private fail(token: Token, reason: string): never {
    throw new QasmError(reason, token.line, token.column);
  }

  private describe(token: Token): string {
    if (token.kind === 'eof') return 'the end of the program';
    if (token.kind === 'string') return `"${token.text}"`;
    return `'${token.text}'`;
  }

  private expectSymbol(symbol: string, what: string): Token {
    const token = this.peek();
    if (token.kind !== 'symbol' || token.text !== symbol) {
      this.fail(token, `Expected '${symbol}' ${what}, found ${this.describe(token)}`);
    }
    return this.next();
  }

  private endStatement(after: string): void {
    const token = this.peek();
    if (token.kind !== 'symbol' || token.text !== ';') {
      const previous = this.tokens[this.pos - 1] ?? token;
      const where = token.line > previous.line ? previous : token;
      const column = where === previous ? previous.column + previous.text.length : token.column;
      throw new QasmError(
        `Missing ';' at the end of the ${after} statement (found ${this.describe(token)})`,
        where.line,
        column,
      );
    }
    this.next();
  }

  parse(): Circuit {
    this.header();
    while (this.peek().kind !== 'eof') this.statement();
    if (this.numQubits === 0) {
      this.fail(this.peek(), "The program declares no qubits: add a register such as 'qreg q[2];'");
    }
    return {
      numQubits: this.numQubits,
      qregs: this.qregs,
      cregs: this.cregs,
      operations: this.operations,
    };
  }

  private header(): void {
    const token = this.peek();
    if (token.kind !== 'id' || token.text !== 'OPENQASM') return;
    this.next();
    const version = this.next();
    if (version.kind !== 'number')
      this.fail(version, "Expected a version number after 'OPENQASM', such as 2.0");
    if (Number(version.text) !== 2) {
      this.fail(
        version,
        `Only OpenQASM 2.0 is supported; this program asks for version ${version.text}`,
      );
    }
    this.endStatement('OPENQASM');
  }

  private statement(): void {
    const token = this.next();
    if (token.kind !== 'id') {
      this.fail(
        token,
        `Expected a statement (a gate, qreg, creg, measure…), found ${this.describe(token)}`,
      );
    }
    switch (token.text) {
      case 'OPENQASM':
        return this.fail(token, "'OPENQASM 2.0;' may only appear once, on the first line");
      case 'include':
        return this.include();
      case 'qreg':
      case 'creg':
        return this.register(token, token.text);
      case 'measure':
        return this.measure(token);
      case 'reset':
        return this.reset(token);
      case 'barrier':
        return this.barrier(token);
      case 'gate':
      case 'opaque':
        return this.fail(
          token,
          `Defining your own gates ('${token.text}') is not supported; use the built-in gates: ${GATE_LIST}`,
        );
      case 'if':
        return this.fail(token, "Classically controlled gates ('if') are not supported");
      case 'U':
        return this.gate(token, 'u3');
      case 'CX':
        return this.gate(token, 'cx');
      default:
        if (isGateName(token.text)) return this.gate(token, token.text);
        return this.fail(
          token,
          `Unknown gate or statement '${token.text}'.${suggestion(token.text)}`,
        );
    }
  }

  private include(): void {
    const file = this.next();
    if (file.kind !== 'string')
      this.fail(file, 'Expected a file name in quotes after include, such as "qelib1.inc"');
    if (file.text !== 'qelib1.inc') {
      this.fail(file, `Only "qelib1.inc" can be included, not "${file.text}"`);
    }
    this.endStatement('include');
  }

  private register(keyword: Token, kind: 'qreg' | 'creg'): void {
    const name = this.next();
    if (name.kind !== 'id')
      this.fail(name, `Expected a register name after ${kind}, found ${this.describe(name)}`);
    if (!/^[a-z]/.test(name.text)) {
      this.fail(name, `Register names start with a lowercase letter ('${name.text}' does not)`);
    }
    if (this.registers.has(name.text) || isGateName(name.text)) {
      this.fail(name, `The name '${name.text}' is already used; choose another register name`);
    }
    this.expectSymbol('[', `after the register name (as in ${kind} ${name.text}[2];)`);
    const sizeToken = this.next();
    const size = Number(sizeToken.text);
    if (sizeToken.kind !== 'number' || !/^\d+$/.test(sizeToken.text) || size < 1) {
      this.fail(
        sizeToken,
        `A register size must be a whole number of at least 1, found ${this.describe(sizeToken)}`,
      );
    }
    this.expectSymbol(']', 'after the register size');
    this.endStatement(kind);
    if (kind === 'qreg') {
      if (this.numQubits + size > MAX_QUBITS) {
        this.fail(
          keyword,
          `Too many qubits: this register brings the total to ${this.numQubits + size}, and the simulator handles at most ${MAX_QUBITS}`,
        );
      }
      this.registers.set(name.text, { offset: this.numQubits, size, kind });
      this.qregs.push({ name: name.text, size });
      this.numQubits += size;
    } else {
      if (size > 1024) this.fail(sizeToken, 'A classical register may hold at most 1024 bits');
      this.registers.set(name.text, { offset: this.numClbits, size, kind });
      this.cregs.push({ name: name.text, size });
      this.numClbits += size;
    }
  }

  private argument(kind: 'qreg' | 'creg', role: string): Argument {
    const token = this.next();
    if (token.kind !== 'id') {
      this.fail(
        token,
        `Expected ${role} (such as ${kind === 'qreg' ? 'q[0]' : 'c[0]'}), found ${this.describe(token)}`,
      );
    }
    const declared = this.registers.get(token.text);
    if (declared === undefined) {
      this.fail(
        token,
        `'${token.text}' is not declared: add '${kind} ${token.text}[…];' before using it`,
      );
    }
    if (declared.kind !== kind) {
      this.fail(
        token,
        kind === 'qreg'
          ? `'${token.text}' is a classical register; ${role} must be a qubit`
          : `'${token.text}' is a quantum register; ${role} must be a classical bit`,
      );
    }
    const bracket = this.peek();
    if (bracket.kind !== 'symbol' || bracket.text !== '[') {
      return {
        offset: declared.offset,
        size: declared.size,
        single: false,
        token,
        name: token.text,
      };
    }
    this.next();
    const indexToken = this.next();
    if (indexToken.kind !== 'number' || !/^\d+$/.test(indexToken.text)) {
      this.fail(indexToken, `An index must be a whole number, found ${this.describe(indexToken)}`);
    }
    const index = Number(indexToken.text);
    if (index >= declared.size) {
      this.fail(
        indexToken,
        `${token.text}[${indexToken.text}] does not exist: ${token.text} has ${plural(declared.size, kind === 'qreg' ? 'qubit' : 'bit')} (${token.text}[0]…${token.text}[${declared.size - 1}])`,
      );
    }
    this.expectSymbol(']', 'after the index');
    return { offset: declared.offset + index, size: 1, single: true, token, name: token.text };
  }

  /** The common length of broadcast arguments (1 when all are single bits). */
  private broadcastLength(args: Argument[], statement: string): number {
    let length = 1;
    let first: Argument | undefined;
    for (const arg of args) {
      if (arg.single) continue;
      if (first === undefined) {
        first = arg;
        length = arg.size;
      } else if (arg.size !== length) {
        this.fail(
          arg.token,
          `${statement}: registers ${first.name} (${first.size}) and ${arg.name} (${arg.size}) have different sizes`,
        );
      }
    }
    return length;
  }

  private gate(token: Token, gate: GateName): void {
    const shape = GATE_SHAPES[gate];
    const params: number[] = [];
    const open = this.peek();
    if (open.kind === 'symbol' && open.text === '(') {
      this.next();
      const close = this.peek();
      if (!(close.kind === 'symbol' && close.text === ')')) {
        for (;;) {
          const start = this.peek();
          const value = this.expression(0);
          if (!Number.isFinite(value))
            this.fail(start, 'This angle is not a finite number (division by zero?)');
          params.push(value);
          const sep = this.next();
          if (sep.kind === 'symbol' && sep.text === ')') break;
          if (sep.kind !== 'symbol' || sep.text !== ',') {
            this.fail(
              sep,
              `Expected ',' or ')' in the parameters of ${token.text}, found ${this.describe(sep)}`,
            );
          }
        }
      } else {
        this.next();
      }
    }
    if (params.length !== shape.params) {
      this.fail(
        token,
        shape.params === 0
          ? `${token.text} takes no angle parameters`
          : `${token.text} needs ${plural(shape.params, 'angle parameter')} in parentheses, as in ${token.text}(${['pi/2', '0', 'pi'].slice(0, shape.params).join(', ')}); found ${params.length}`,
      );
    }
    const arity = shape.controls + shape.targets;
    const args: Argument[] = [];
    for (let i = 0; i < arity; i++) {
      if (i > 0)
        this.expectSymbol(
          ',',
          `between the qubits of ${token.text} (it acts on ${plural(arity, 'qubit')})`,
        );
      args.push(this.argument('qreg', `qubit ${i + 1} of ${token.text}`));
    }
    const after = this.peek();
    if (after.kind === 'symbol' && after.text === ',') {
      this.fail(after, `${token.text} acts on ${plural(arity, 'qubit')}, but more are listed`);
    }
    this.endStatement(token.text);
    const length = this.broadcastLength(args, token.text);
    for (let k = 0; k < length; k++) {
      const qubits = args.map((a) => (a.single ? a.offset : a.offset + k));
      if (new Set(qubits).size !== qubits.length) {
        this.fail(
          token,
          `${token.text} uses the same qubit more than once; each qubit of a gate must differ`,
        );
      }
      const op: Operation = { gate, targets: qubits.slice(shape.controls) };
      if (shape.controls > 0) op.controls = qubits.slice(0, shape.controls);
      if (params.length > 0) op.params = [...params];
      this.operations.push(op);
    }
  }

  private measure(token: Token): void {
    const qubit = this.argument('qreg', 'the qubit to measure');
    this.expectSymbol('->', 'after the measured qubit (as in measure q[0] -> c[0];)');
    const bit = this.argument('creg', 'the classical bit receiving the result');
    this.endStatement('measure');
    if (qubit.single !== bit.single || qubit.size !== bit.size) {
      this.fail(
        token,
        `measure: ${qubit.name} and ${bit.name} must both be single bits or registers of the same size`,
      );
    }
    for (let k = 0; k < qubit.size; k++) {
      this.operations.push({
        gate: 'measure',
        targets: [qubit.offset + k],
        clbits: [bit.offset + k],
      });
    }
  }

  private reset(_token: Token): void {
    const qubit = this.argument('qreg', 'the qubit to reset');
    this.endStatement('reset');
    for (let k = 0; k < qubit.size; k++)
      this.operations.push({ gate: 'reset', targets: [qubit.offset + k] });
  }

  private barrier(_token: Token): void {
    const targets: number[] = [];
    for (;;) {
      const arg = this.argument('qreg', 'a qubit or register');
      for (let k = 0; k < arg.size; k++)
        if (!targets.includes(arg.offset + k)) targets.push(arg.offset + k);
      const sep = this.peek();
      if (sep.kind !== 'symbol' || sep.text !== ',') break;
      this.next();
    }
    this.endStatement('barrier');
    this.operations.push({ gate: 'barrier', targets });
  }

  /** Precedence climbing: + − (0) < * / (1) < unary − (2) < ^ (3, right associative). */
  private expression(depth: number): number {
    let value = this.term(depth);
    for (;;) {
      const op = this.peek();
      if (op.kind !== 'symbol' || (op.text !== '+' && op.text !== '-')) return value;
      this.next();
      const rhs = this.term(depth);
      value = op.text === '+' ? value + rhs : value - rhs;
    }
  }

  private term(depth: number): number {
    let value = this.unary(depth);
    for (;;) {
      const op = this.peek();
      if (op.kind !== 'symbol' || (op.text !== '*' && op.text !== '/')) return value;
      this.next();
      const rhs = this.unary(depth);
      value = op.text === '*' ? value * rhs : value / rhs;
    }
  }

  private unary(depth: number): number {
    const token = this.peek();
    if (token.kind === 'symbol' && (token.text === '-' || token.text === '+')) {
      if (depth >= MAX_EXPRESSION_DEPTH) this.fail(token, 'This expression is nested too deeply');
      this.next();
      const value = this.unary(depth + 1);
      return token.text === '-' ? -value : value;
    }
    return this.power(depth);
  }

  private power(depth: number): number {
    const base = this.atom(depth);
    const op = this.peek();
    if (op.kind === 'symbol' && op.text === '^') {
      if (depth >= MAX_EXPRESSION_DEPTH) this.fail(op, 'This expression is nested too deeply');
      this.next();
      return base ** this.unary(depth + 1);
    }
    return base;
  }

  private atom(depth: number): number {
    const token = this.next();
    if (depth >= MAX_EXPRESSION_DEPTH) this.fail(token, 'This expression is nested too deeply');
    if (token.kind === 'number') return Number(token.text);
    if (token.kind === 'symbol' && token.text === '(') {
      const value = this.expression(depth + 1);
      this.expectSymbol(')', 'to close the parenthesis');
      return value;
    }
    if (token.kind === 'id') {
      if (token.text === 'pi') return Math.PI;
      const fn = FUNCTIONS[token.text];
      if (fn !== undefined) {
        this.expectSymbol('(', `after ${token.text}`);
        const value = this.expression(depth + 1);
        this.expectSymbol(')', `to close ${token.text}(…)`);
        return fn(value);
      }
      this.fail(
        token,
        `Unknown name '${token.text}' in an angle: use numbers, pi, + - * / ^ and sin, cos, tan, exp, ln, sqrt`,
      );
    }
    this.fail(token, `Expected a number or pi in the angle, found ${this.describe(token)}`);
  }
}

/**
 * Parses an OpenQASM 2.0 program (qelib1.inc gates, qreg/creg, measure, reset, barrier) into a
 * `Circuit`. Registers are concatenated in declaration order. Throws `QasmError` (with line and
 * column) for anything it cannot run; it never hangs and never throws anything else.
 */
export function parseQasm(source: string): Circuit {
  return new Parser(tokenize(source)).parse();
}
