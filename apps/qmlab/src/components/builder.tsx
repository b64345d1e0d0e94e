// The circuit builder: gate palette, the grid, undo/redo, the wire count and the inspector that
// edits a rotation's angle. Every change is announced through one polite live region.
import { Button, Input } from '@alawein/ui';
import { clsx } from 'clsx';
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import {
  type Draft,
  describeGate,
  gateAt,
  isParametrised,
  MAX_BUILDER_QUBITS,
  MIN_QUBITS,
  moveGate,
  type PlacedGate,
  resize,
  updateGate,
} from '../lib/draft.ts';
import {
  type Cursor,
  handleKey,
  KEYBOARD_HELP,
  type KeyOutcome,
  type PendingControl,
} from '../lib/keyboard.ts';
import { parseAngle } from '../lib/angle.ts';
import { CircuitGrid } from './circuit-grid.tsx';

export interface BuilderProps {
  draft: Draft;
  canUndo: boolean;
  canRedo: boolean;
  onChange: (draft: Draft) => void;
  onUndo: () => void;
  onRedo: () => void;
}

/** A palette entry: the key a keyboard user presses for the same thing. */
interface Tool {
  id: string;
  label: string;
  name: string;
  key: string;
}

const TOOLS: Tool[] = [
  { id: 'h', label: 'H', name: 'Hadamard', key: 'h' },
  { id: 'x', label: 'X', name: 'Pauli X', key: 'x' },
  { id: 'y', label: 'Y', name: 'Pauli Y', key: 'y' },
  { id: 'z', label: 'Z', name: 'Pauli Z', key: 'z' },
  { id: 's', label: 'S', name: 'S (phase)', key: 's' },
  { id: 't', label: 'T', name: 'T (π/8)', key: 't' },
  { id: 'r', label: 'R', name: 'Rotation (RX, RY, RZ)', key: 'r' },
  { id: 'cx', label: 'CNOT', name: 'CNOT: tap the control, then the target', key: 'c' },
  { id: 'cz', label: 'CZ', name: 'Controlled Z: tap the control, then the target', key: 'c' },
  { id: 'swap', label: 'SWAP', name: 'SWAP: tap one wire, then the other', key: 'c' },
  { id: 'm', label: 'M', name: 'Measure', key: 'm' },
  { id: 'erase', label: 'Erase', name: 'Erase a gate', key: 'Delete' },
];

/** The key that completes a two-qubit tool at its target. */
const TARGET_KEY: Partial<Record<string, string>> = { cx: 'x', cz: 'z', swap: 'w' };

export function Builder({ draft, canUndo, canRedo, onChange, onUndo, onRedo }: BuilderProps) {
  const helpId = useId();
  const [cursor, setCursor] = useState<Cursor>({ qubit: 0, step: 0 });
  const [pending, setPending] = useState<PendingControl | null>(null);
  const [tool, setTool] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [thetaText, setThetaText] = useState('');
  const [thetaError, setThetaError] = useState<string | null>(null);
  const thetaInput = useRef<HTMLInputElement>(null);

  const safeCursor = {
    qubit: Math.min(cursor.qubit, draft.numQubits - 1),
    step: cursor.step,
  };
  const selected = gateAt(draft, safeCursor.qubit, safeCursor.step);

  const announce = (message: string) => {
    // The same sentence twice in a row must still be read: clear, then set on the next frame.
    setAnnouncement('');
    requestAnimationFrame(() => setAnnouncement(message));
  };

  const apply = (outcome: KeyOutcome) => {
    switch (outcome.kind) {
      case 'none':
        return false;
      case 'cursor':
        setCursor(outcome.cursor);
        if (outcome.message) announce(outcome.message);
        return true;
      case 'pending':
        setPending(outcome.pending);
        announce(outcome.message);
        return true;
      case 'change':
        onChange(outcome.draft);
        setCursor(outcome.cursor);
        setPending(null);
        announce(outcome.message);
        return true;
      case 'refuse':
        announce(outcome.message);
        return true;
      case 'undo':
        if (canUndo) {
          onUndo();
          announce('Undone');
        } else announce('Nothing to undo');
        return true;
      case 'redo':
        if (canRedo) {
          onRedo();
          announce('Redone');
        } else announce('Nothing to redo');
        return true;
      case 'edit-theta':
        startThetaEdit();
        return true;
    }
  };

  const focusCursorCell = () =>
    document
      .querySelector<HTMLElement>(`[data-cell="${safeCursor.qubit}:${safeCursor.step}"]`)
      ?.focus();

  const startThetaEdit = () => {
    if (!selected || !isParametrised(selected.gate)) return;
    setThetaText(String(+selected.params[0]!.toFixed(6)));
    setThetaError(null);
    announce(
      `Editing the angle of ${describeGate(selected)}. Type a number or an expression like pi/4, Enter to apply, Escape to cancel`,
    );
    requestAnimationFrame(() => thetaInput.current?.select());
  };

  const onGridKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const handled = apply(
      handleKey(
        { key: event.key, shift: event.shiftKey, mod: event.ctrlKey || event.metaKey },
        draft,
        safeCursor,
        pending,
      ),
    );
    if (handled) event.preventDefault();
  };

  const onCellClick = (cell: Cursor) => {
    setCursor(cell);
    if (!tool) return;
    const key = (id: string) => ({ key: id, shift: false, mod: false });
    if (tool === 'cx' || tool === 'cz' || tool === 'swap') {
      if (!pending) {
        apply(handleKey(key('c'), draft, cell, null));
        return;
      }
      if (pending.step !== cell.step) {
        apply(handleKey(key('c'), draft, cell, null));
        return;
      }
      apply(handleKey(key(TARGET_KEY[tool]!), draft, cell, pending));
      return;
    }
    const entry = TOOLS.find((t) => t.id === tool);
    if (entry) apply(handleKey(key(entry.key), draft, cell, null));
  };

  const onDragGate = (gate: PlacedGate, by: Cursor) => {
    const moved = moveGate(draft, gate.id, by.qubit, by.step);
    if (!moved) {
      announce(`${describeGate(gate)} cannot move there`);
      return;
    }
    onChange(moved);
    announce(`Moved ${describeGate(gate)}`);
  };

  const commitTheta = () => {
    if (!selected) return;
    const theta = parseAngle(thetaText);
    if (theta === null) {
      setThetaError('Enter an angle in radians, like 1.57 or pi/2');
      return;
    }
    const next = updateGate(draft, selected.id, { params: [theta, ...selected.params.slice(1)] });
    onChange(next);
    setThetaError(null);
    announce(`Set ${describeGate({ ...selected, params: [theta, ...selected.params.slice(1)] })}`);
    focusCursorCell();
  };

  const setQubits = (n: number) => {
    if (n < MIN_QUBITS || n > MAX_BUILDER_QUBITS) return;
    const next = resize(draft, n);
    const dropped = draft.gates.length - next.gates.length;
    onChange(next);
    setPending(null);
    announce(
      `${n} qubit${n === 1 ? '' : 's'}${dropped > 0 ? `; removed ${dropped} gate${dropped === 1 ? '' : 's'} on the removed wire` : ''}`,
    );
  };

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <div role="toolbar" aria-label="Gates" className="flex flex-wrap gap-1">
          {TOOLS.map((entry) => (
            <button
              key={entry.id}
              type="button"
              aria-pressed={tool === entry.id}
              title={`${entry.name} (key ${entry.key.toUpperCase()})`}
              onClick={() => {
                const next = tool === entry.id ? null : entry.id;
                setTool(next);
                setPending(null);
                announce(next ? `${entry.name} selected: tap a cell of the grid` : 'No tool');
              }}
              className={clsx(
                'h-10 min-w-10 rounded-control border px-2 text-sm font-semibold',
                'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring',
                tool === entry.id
                  ? 'border-primary bg-primary text-primary-fg'
                  : 'border-control-border bg-bg text-fg hover:bg-muted',
              )}
            >
              {entry.label}
              <span className="sr-only">: {entry.name}</span>
            </button>
          ))}
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button
          size="sm"
          variant="secondary"
          onClick={() => apply({ kind: 'undo' })}
          disabled={!canUndo}
        >
          Undo
        </Button>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => apply({ kind: 'redo' })}
          disabled={!canRedo}
        >
          Redo
        </Button>
        <span className="ml-2 text-sm" id={`${helpId}-qubits`}>
          Qubits: <output data-testid="qubit-count">{draft.numQubits}</output>
        </span>
        <Button
          size="sm"
          variant="secondary"
          aria-label="Remove a qubit"
          onClick={() => setQubits(draft.numQubits - 1)}
          disabled={draft.numQubits <= MIN_QUBITS}
        >
          −
        </Button>
        <Button
          size="sm"
          variant="secondary"
          aria-label="Add a qubit"
          onClick={() => setQubits(draft.numQubits + 1)}
          disabled={draft.numQubits >= MAX_BUILDER_QUBITS}
        >
          +
        </Button>
      </div>
      <p id={helpId} className="text-sm text-muted-fg">
        {KEYBOARD_HELP}
      </p>
      <CircuitGrid
        draft={draft}
        cursor={safeCursor}
        pending={pending}
        label="Circuit: qubit wires by time steps"
        describedBy={helpId}
        onKeyDown={onGridKeyDown}
        onCellClick={onCellClick}
        onDragGate={onDragGate}
      />
      <div className="flex min-h-10 flex-wrap items-center gap-2" data-testid="inspector">
        {selected ? (
          <>
            <span className="text-sm">
              Selected: <strong>{describeGate(selected)}</strong>
            </span>
            {isParametrised(selected.gate) && (
              <form
                className="flex items-center gap-2"
                onSubmit={(event) => {
                  event.preventDefault();
                  commitTheta();
                }}
              >
                <label htmlFor={`${helpId}-theta`} className="text-sm font-medium">
                  θ (radians)
                </label>
                <Input
                  id={`${helpId}-theta`}
                  ref={thetaInput}
                  className="w-32"
                  value={thetaText}
                  placeholder={String(+selected.params[0]!.toFixed(6))}
                  aria-invalid={thetaError ? true : undefined}
                  aria-describedby={thetaError ? `${helpId}-theta-error` : undefined}
                  onChange={(event) => setThetaText(event.target.value)}
                  onFocus={() =>
                    thetaText === '' && setThetaText(String(+selected.params[0]!.toFixed(6)))
                  }
                  onKeyDown={(event) => {
                    if (event.key === 'Escape') {
                      event.preventDefault();
                      setThetaError(null);
                      announce('Angle unchanged');
                      focusCursorCell();
                    }
                  }}
                />
                <Button size="sm" type="submit">
                  Apply
                </Button>
                {thetaError && (
                  <span id={`${helpId}-theta-error`} role="alert" className="text-sm text-danger">
                    {thetaError}
                  </span>
                )}
              </form>
            )}
            <Button
              size="sm"
              variant="ghost"
              onClick={() =>
                apply(
                  handleKey({ key: 'Delete', shift: false, mod: false }, draft, safeCursor, null),
                )
              }
            >
              Remove
            </Button>
          </>
        ) : (
          <span className="text-sm text-muted-fg">
            {pending ? `Control on q${pending.qubit}: choose the target` : 'No gate selected'}
          </span>
        )}
      </div>
      <div aria-live="polite" role="status" className="sr-only" data-testid="announcer">
        {announcement}
      </div>
    </div>
  );
}
