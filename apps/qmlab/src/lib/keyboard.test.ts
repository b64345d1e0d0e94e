import { toQasm } from '@alawein/quantum';
import { describe, expect, it } from 'vitest';
import { type Draft, toCircuit } from './draft.ts';
import {
  type Cursor,
  describeCell,
  handleKey,
  type KeyOutcome,
  type PendingControl,
} from './keyboard.ts';

/** Presses keys in order like a user would, applying each outcome. */
function press(keys: string[], start: Draft = { numQubits: 2, gates: [] }) {
  let draft = start;
  let cursor: Cursor = { qubit: 0, step: 0 };
  let pending: PendingControl | null = null;
  const messages: string[] = [];
  let last: KeyOutcome = { kind: 'none' };
  for (const spec of keys) {
    const parts = spec.split('+');
    const key = parts.pop()!;
    const shift = parts.includes('Shift');
    const mod = parts.includes('Ctrl');
    last = handleKey({ key, shift, mod }, draft, cursor, pending);
    if (last.kind === 'cursor') cursor = last.cursor;
    if (last.kind === 'pending') pending = last.pending;
    if (last.kind === 'change') {
      draft = last.draft;
      cursor = last.cursor;
      pending = null;
    }
    if ('message' in last && last.message) messages.push(last.message);
  }
  return { draft, cursor, pending, messages, last };
}

describe('grid keyboard', () => {
  it('H, then C on q0 and X on q1 builds a Bell pair, every step announced', () => {
    const { draft, messages } = press(['h', 'ArrowRight', 'c', 'ArrowDown', 'x']);
    expect(toQasm(toCircuit(draft))).toContain('h q[0];\ncx q[0],q[1];');
    expect(messages).toEqual([
      'Placed H on q0, step 1',
      expect.stringContaining('Control on q0, step 2'),
      'Placed CNOT, control q0, target q1, step 2',
    ]);
  });

  it('R places RX(π/2) and cycles the axis; Enter asks to edit the angle', () => {
    const { draft, last } = press(['r', 'r', 'Enter']);
    expect(draft.gates.map((g) => [g.gate, g.params])).toEqual([['ry', [Math.PI / 2]]]);
    expect(last.kind).toBe('edit-theta');
  });

  it('Shift+arrow moves the gate, Delete removes it, a taken cell refuses', () => {
    let r = press(['x', 'Shift+ArrowDown', 'Shift+ArrowRight']);
    expect(describeCell(r.draft, { qubit: 1, step: 1 })).toBe('q1, step 2: X on q1');
    r = press(['Delete'], r.draft);
    expect(r.messages).toEqual(['q0, step 1 is already empty']);
    r = press(['ArrowDown', 'ArrowRight', 'Delete'], r.draft);
    expect(r.draft.gates).toEqual([]);
    const taken = press(['c', 'ArrowDown', 'z', 'ArrowUp', 'h']);
    expect(taken.last).toEqual({ kind: 'refuse', message: 'q0, step 1 is taken by another gate' });
  });

  it('a control waits on its step; Escape cancels; the target must be another wire', () => {
    expect(press(['c', 'ArrowRight']).last.kind).toBe('refuse');
    expect(press(['c', 'x']).last.kind).toBe('refuse');
    const cancelled = press(['c', 'Escape']);
    expect(cancelled.pending).toBeNull();
    expect(cancelled.messages.at(-1)).toBe('Control cancelled');
    expect(press(['c', 'ArrowDown', 'w']).draft.gates[0]?.gate).toBe('swap');
  });

  it('Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo', () => {
    expect(press(['Ctrl+z']).last.kind).toBe('undo');
    expect(press(['Ctrl+y']).last.kind).toBe('redo');
    expect(press(['Ctrl+Shift+z']).last.kind).toBe('redo');
  });

  it('the cursor stays on the grid', () => {
    expect(press(['ArrowUp', 'ArrowLeft']).cursor).toEqual({ qubit: 0, step: 0 });
    expect(press(['ArrowDown', 'ArrowDown', 'ArrowDown']).cursor).toEqual({ qubit: 1, step: 0 });
  });
});
