// What each key does in the circuit grid, as a pure function of the key and the builder's
// state, so the whole keyboard contract is unit-tested without a browser.
import type { GateName } from '@alawein/quantum';
import {
  type Draft,
  describeGate,
  gateAt,
  isParametrised,
  makeGate,
  moveGate,
  placeGate,
  removeGate,
  spanOf,
  stepCount,
  updateGate,
} from './draft.ts';

export interface Cursor {
  qubit: number;
  step: number;
}

/** A control chosen with C (or a two-qubit tool), waiting for its target. */
export interface PendingControl {
  qubit: number;
  step: number;
}

export interface KeyInput {
  key: string;
  shift: boolean;
  /** Ctrl or ⌘ held. */
  mod: boolean;
}

export type KeyOutcome =
  | { kind: 'none' }
  | { kind: 'cursor'; cursor: Cursor; message?: string }
  | { kind: 'pending'; pending: PendingControl | null; message: string }
  | { kind: 'change'; draft: Draft; cursor: Cursor; message: string }
  | { kind: 'refuse'; message: string }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'edit-theta' };

export const SINGLE_GATE_KEYS: Readonly<Record<string, GateName>> = {
  h: 'h',
  x: 'x',
  y: 'y',
  z: 'z',
  s: 's',
  t: 't',
};

/** Controlled gates by the letter pressed at the target: X (or C, Enter) CNOT, Z CZ, Y CY, H CH. */
const CONTROLLED_KEYS: Readonly<Record<string, GateName>> = {
  x: 'cx',
  c: 'cx',
  enter: 'cx',
  z: 'cz',
  y: 'cy',
  h: 'ch',
};

const ROTATIONS: readonly GateName[] = ['rx', 'ry', 'rz'];

export const KEYBOARD_HELP =
  'Arrow keys move between wires and steps. H, X, Y, Z, S, T place a gate; R places a rotation ' +
  '(press R again to change its axis); M measures. C marks a control: move to the target wire and ' +
  'press X for CNOT, Z for CZ, Y for CY, H for CH or W for SWAP. Enter edits the angle of a rotation. ' +
  'Shift with an arrow moves the gate. Delete removes it. Ctrl+Z undoes, Ctrl+Y redoes, Escape cancels.';

function cellName(cursor: Cursor): string {
  return `q${cursor.qubit}, step ${cursor.step + 1}`;
}

/** What is at a cell, in words (the cell's accessible name). */
export function describeCell(draft: Draft, cursor: Cursor): string {
  const gate = gateAt(draft, cursor.qubit, cursor.step);
  if (!gate) return `${cellName(cursor)}: empty`;
  const role = gate.controls.includes(cursor.qubit)
    ? 'control of '
    : gate.targets.includes(cursor.qubit) || spanOf(gate)[0] === spanOf(gate)[1]
      ? ''
      : 'crossed by ';
  return `${cellName(cursor)}: ${role}${describeGate(gate)}`;
}

function place(draft: Draft, cursor: Cursor, gate: ReturnType<typeof makeGate>): KeyOutcome {
  const next = placeGate(draft, gate);
  if (!next) return { kind: 'refuse', message: `${cellName(cursor)} is taken by another gate` };
  return {
    kind: 'change',
    draft: next,
    cursor,
    message: `Placed ${describeGate(gate)}, step ${gate.step + 1}`,
  };
}

/** The effect of one key press in the grid. */
export function handleKey(
  input: KeyInput,
  draft: Draft,
  cursor: Cursor,
  pending: PendingControl | null,
): KeyOutcome {
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key.toLowerCase();
  if (input.mod) {
    if (key === 'z') return input.shift ? { kind: 'redo' } : { kind: 'undo' };
    if (key === 'y') return { kind: 'redo' };
    return { kind: 'none' };
  }
  const steps = stepCount(draft);
  const here = gateAt(draft, cursor.qubit, cursor.step);

  const arrows: Record<string, [number, number]> = {
    arrowup: [-1, 0],
    arrowdown: [1, 0],
    arrowleft: [0, -1],
    arrowright: [0, 1],
  };
  const delta = arrows[key];
  if (delta) {
    const [dq, ds] = delta;
    if (input.shift && here && !pending) {
      const moved = moveGate(draft, here.id, dq, ds);
      if (!moved) return { kind: 'refuse', message: `${describeGate(here)} cannot move there` };
      const target = { qubit: cursor.qubit + dq, step: cursor.step + ds };
      return {
        kind: 'change',
        draft: moved,
        cursor: target,
        message: `Moved ${describeGate(here)} to ${cellName(target)}`,
      };
    }
    // While a control waits for its target, the cursor stays on the control's step.
    if (pending && ds !== 0)
      return { kind: 'refuse', message: 'Choose the target on this step, or press Escape' };
    const next = {
      qubit: Math.min(draft.numQubits - 1, Math.max(0, cursor.qubit + dq)),
      step: Math.min(steps - 1, Math.max(0, cursor.step + ds)),
    };
    if (next.qubit === cursor.qubit && next.step === cursor.step) return { kind: 'none' };
    return { kind: 'cursor', cursor: next };
  }
  if (key === 'home' || key === 'end') {
    if (pending) return { kind: 'none' };
    return {
      kind: 'cursor',
      cursor: { qubit: cursor.qubit, step: key === 'home' ? 0 : steps - 1 },
    };
  }

  if (key === 'escape') {
    return pending
      ? { kind: 'pending', pending: null, message: 'Control cancelled' }
      : { kind: 'none' };
  }

  if (pending) {
    const controlled = key === 'w' ? 'swap' : CONTROLLED_KEYS[key];
    if (!controlled) return { kind: 'none' };
    if (cursor.qubit === pending.qubit) {
      return {
        kind: 'refuse',
        message: 'The target must be on another wire: move up or down first',
      };
    }
    const gate =
      controlled === 'swap'
        ? makeGate('swap', pending.step, [pending.qubit, cursor.qubit])
        : makeGate(controlled, pending.step, [cursor.qubit], [pending.qubit]);
    const outcome = place(draft, cursor, gate);
    return outcome;
  }

  const single = SINGLE_GATE_KEYS[key];
  if (single) return place(draft, cursor, makeGate(single, cursor.step, [cursor.qubit]));
  if (key === 'm') return place(draft, cursor, makeGate('measure', cursor.step, [cursor.qubit]));
  if (key === 'r') {
    const at = here && ROTATIONS.indexOf(here.gate as GateName);
    if (here && at !== undefined && at >= 0) {
      const gate = ROTATIONS[(at + 1) % ROTATIONS.length]!;
      const next = updateGate(draft, here.id, { gate });
      return {
        kind: 'change',
        draft: next,
        cursor,
        message: `Changed to ${describeGate({ ...here, gate })}`,
      };
    }
    return place(draft, cursor, makeGate('rx', cursor.step, [cursor.qubit]));
  }
  if (key === 'c') {
    if (here) return { kind: 'refuse', message: `${cellName(cursor)} is taken by another gate` };
    return {
      kind: 'pending',
      pending: { qubit: cursor.qubit, step: cursor.step },
      message: `Control on q${cursor.qubit}, step ${cursor.step + 1}. Move to the target wire and press X for CNOT, Z, Y, H or W for SWAP; Escape cancels`,
    };
  }
  if (key === 'enter' || key === 'f2') {
    if (here && isParametrised(here.gate)) return { kind: 'edit-theta' };
    return here
      ? { kind: 'refuse', message: `${describeGate(here)} has no angle to edit` }
      : { kind: 'none' };
  }
  if (key === 'delete' || key === 'backspace') {
    if (!here) return { kind: 'refuse', message: `${cellName(cursor)} is already empty` };
    return {
      kind: 'change',
      draft: removeGate(draft, here.id),
      cursor,
      message: `Removed ${describeGate(here)}`,
    };
  }
  return { kind: 'none' };
}
