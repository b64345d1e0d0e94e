// The circuit as an ARIA grid: one row per qubit wire, one cell per time step, a roving
// tabindex so Tab enters and leaves the grid in one stop and arrows move inside it. Mouse and
// touch place the selected tool by tapping a cell and move a gate by dragging it.
import { clsx } from 'clsx';
import { type KeyboardEvent, type PointerEvent, useEffect, useRef } from 'react';
import {
  type Draft,
  formatTheta,
  gateAt,
  type PlacedGate,
  spanOf,
  stepCount,
} from '../lib/draft.ts';
import { type Cursor, describeCell, type PendingControl } from '../lib/keyboard.ts';

export interface CircuitGridProps {
  draft: Draft;
  cursor: Cursor;
  pending: PendingControl | null;
  readOnly?: boolean;
  label: string;
  describedBy?: string;
  onKeyDown?: (event: KeyboardEvent<HTMLDivElement>) => void;
  onCellClick?: (cell: Cursor) => void;
  onDragGate?: (gate: PlacedGate, to: Cursor) => void;
}

const GLYPHS: Partial<Record<string, string>> = {
  measure: 'M',
  reset: '|0⟩',
  sdg: 'S†',
  tdg: 'T†',
};

function glyph(gate: PlacedGate): string {
  const base = GLYPHS[gate.gate] ?? gate.gate.replace(/^c(?=[xyzh]$|u1$|rz$)/, '').toUpperCase();
  return gate.gate === 'cx' || gate.gate === 'ccx' ? '⊕' : gate.gate === 'swap' ? '×' : base;
}

function CellContent({ gate, qubit }: { gate: PlacedGate; qubit: number }) {
  const [low, high] = spanOf(gate);
  const isControl = gate.controls.includes(qubit);
  const isTarget = gate.targets.includes(qubit);
  return (
    <>
      {low !== high && (
        <span
          aria-hidden="true"
          className="absolute left-1/2 w-0.5 -translate-x-1/2 bg-fg"
          style={{ top: qubit === low ? '50%' : 0, bottom: qubit === high ? '50%' : 0 }}
        />
      )}
      {isControl && <span aria-hidden="true" className="relative size-3 rounded-full bg-fg" />}
      {isTarget && (
        <span
          aria-hidden="true"
          className={clsx(
            'relative flex min-w-8 items-center justify-center rounded border-2 border-primary bg-bg px-1 text-xs font-semibold leading-tight',
            gate.gate === 'measure' && 'border-fg',
          )}
        >
          <span className="flex flex-col items-center">
            <span
              className={clsx(gate.gate === 'cx' || gate.gate === 'ccx' ? 'text-lg' : 'text-sm')}
            >
              {glyph(gate)}
            </span>
            {gate.params.length > 0 && (
              <span className="text-[10px] font-normal">
                {gate.params.map(formatTheta).join(',')}
              </span>
            )}
          </span>
        </span>
      )}
    </>
  );
}

/** The circuit grid; the parent owns the draft, cursor and what keys do. */
export function CircuitGrid({
  draft,
  cursor,
  pending,
  readOnly = false,
  label,
  describedBy,
  onKeyDown,
  onCellClick,
  onDragGate,
}: CircuitGridProps) {
  const steps = stepCount(draft);
  const cells = useRef(new Map<string, HTMLDivElement>());
  const grid = useRef<HTMLDivElement>(null);
  const drag = useRef<{ gate: PlacedGate; from: Cursor } | null>(null);

  // Focus follows the cursor while the grid has focus (roving tabindex).
  useEffect(() => {
    if (!grid.current?.contains(document.activeElement)) return;
    cells.current.get(`${cursor.qubit}:${cursor.step}`)?.focus();
  }, [cursor.qubit, cursor.step]);

  const cellFromPoint = (x: number, y: number): Cursor | null => {
    const element = document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-cell]');
    if (!element || !grid.current?.contains(element)) return null;
    const [qubit, step] = element.dataset.cell!.split(':').map(Number);
    return { qubit: qubit!, step: step! };
  };

  const onPointerDown = (event: PointerEvent, cell: Cursor) => {
    if (readOnly) return;
    const gate = gateAt(draft, cell.qubit, cell.step);
    drag.current = gate ? { gate, from: cell } : null;
  };

  const onPointerUp = (event: PointerEvent, cell: Cursor) => {
    const started = drag.current;
    drag.current = null;
    if (readOnly) return;
    const to = cellFromPoint(event.clientX, event.clientY) ?? cell;
    if (started && (to.qubit !== started.from.qubit || to.step !== started.from.step)) {
      onDragGate?.(started.gate, {
        qubit: to.qubit - started.from.qubit,
        step: to.step - started.from.step,
      });
      return;
    }
    onCellClick?.(to);
  };

  return (
    <div className="overflow-x-auto rounded-lg border border-border bg-bg p-2">
      <div
        ref={grid}
        role="grid"
        // Cells carry the roving tabindex; the grid itself is only a focus target for scripts.
        tabIndex={-1}
        aria-label={label}
        aria-describedby={describedBy}
        aria-readonly={readOnly || undefined}
        aria-rowcount={draft.numQubits + 1}
        aria-colcount={steps + 1}
        onKeyDown={onKeyDown}
        className="inline-flex flex-col"
        data-testid="circuit-grid"
      >
        <div role="row" aria-rowindex={1} className="flex">
          <div
            role="columnheader"
            aria-colindex={1}
            className="w-12 shrink-0 text-xs text-muted-fg"
          >
            <span className="sr-only">Wire</span>
          </div>
          {Array.from({ length: steps }, (_, step) => (
            <div
              key={step}
              role="columnheader"
              aria-colindex={step + 2}
              className="w-14 shrink-0 text-center text-xs text-muted-fg"
            >
              <span className="sr-only">Step </span>
              {step + 1}
            </div>
          ))}
        </div>
        {Array.from({ length: draft.numQubits }, (_, qubit) => (
          <div key={qubit} role="row" aria-rowindex={qubit + 2} className="flex">
            <div
              role="rowheader"
              aria-colindex={1}
              className="flex w-12 shrink-0 items-center font-mono text-sm"
            >
              q{qubit}
            </div>
            {Array.from({ length: steps }, (_, step) => {
              const cell = { qubit, step };
              const gate = gateAt(draft, qubit, step);
              const active = cursor.qubit === qubit && cursor.step === step;
              const isPending = pending?.qubit === qubit && pending.step === step;
              return (
                <div
                  key={step}
                  ref={(element) => {
                    const key = `${qubit}:${step}`;
                    if (element) cells.current.set(key, element);
                    else cells.current.delete(key);
                  }}
                  role="gridcell"
                  aria-colindex={step + 2}
                  aria-selected={active}

                  tabIndex={active ? 0 : -1}
                  data-cell={`${qubit}:${step}`}
                  data-testid={`cell-${qubit}-${step}`}
                  onPointerDown={(event) => onPointerDown(event, cell)}
                  onPointerUp={(event) => onPointerUp(event, cell)}
                  className={clsx(
                    'relative flex h-14 w-14 shrink-0 touch-none items-center justify-center select-none',
                    'focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-ring',
                    active && 'bg-muted',
                    isPending && 'ring-2 ring-inset ring-primary',
                  )}
                >
                  {/* The cell is named by this text; the drawing is decorative. (An aria-label
                      would disagree with the visible glyph, against WCAG 2.5.3.) */}
                  <span className="sr-only">
                    {describeCell(draft, cell)}
                    {isPending ? ', control waiting for a target' : ''}
                  </span>
                  <span
                    aria-hidden="true"
                    className="absolute inset-x-0 top-1/2 h-px bg-muted-fg"
                  />
                  {gate && <CellContent gate={gate} qubit={qubit} />}
                  {isPending && (
                    <span aria-hidden="true" className="relative size-3 rounded-full bg-primary" />
                  )}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
