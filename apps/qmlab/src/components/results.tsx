// What the simulation says: probabilities, counts for N shots, amplitudes (phase as colour and
// as text), a Bloch sphere and an entanglement indicator per qubit. Charts are plain HTML and
// SVG with their numbers in text, so a screen reader gets the same information.
import { LIMITS } from '@alawein/qmlab-domain';
import { Field, Input, ProgressBar, Spinner, Table } from '@alawein/ui';
import { useDeferredValue, useState } from 'react';
import {
  ENTANGLED_BITS,
  type AmplitudeRow,
  type LabResult,
  type QubitSummary,
} from '../sim/lab-result.ts';
import type { SimulationState } from '../sim/use-simulation.ts';
import { BlochSphere } from './bloch-sphere.tsx';

const percent = (p: number) => `${(p * 100).toFixed(p >= 0.001 || p === 0 ? 1 : 3)}%`;

function Bars({
  label,
  rows,
  testIdPrefix,
}: {
  label: string;
  rows: { state: string; value: number; text: string }[];
  testIdPrefix: string;
}) {
  const max = Math.max(...rows.map((row) => row.value), 1e-12);
  return (
    <ol aria-label={label} className="flex flex-col gap-1">
      {rows.map((row) => (
        <li
          key={row.state}
          className="grid grid-cols-[auto_1fr_auto] items-center gap-2 font-mono text-sm"
          data-testid={`${testIdPrefix}-${row.state}`}
        >
          <span>|{row.state}⟩</span>
          <span aria-hidden="true" className="h-4 rounded-sm bg-muted">
            <span
              className="block h-4 rounded-sm bg-primary"
              style={{ width: `${(row.value / max) * 100}%` }}
            />
          </span>
          <span className="text-right tabular-nums">{row.text}</span>
        </li>
      ))}
    </ol>
  );
}

function Section({
  title,
  children,
  testId,
}: {
  title: string;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <section
      className="flex flex-col gap-3 rounded-lg border border-border p-4"
      aria-labelledby={`${testId}-title`}
      data-testid={testId}
    >
      <h2 id={`${testId}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Hue from the phase: 0 red, ±π cyan; the text next to it carries the same value. */
function phaseColour(phase: number): string {
  const degrees = ((phase * 180) / Math.PI + 360) % 360;
  return `hsl(${degrees.toFixed(0)} 75% 45%)`;
}

function formatComplex(re: number, im: number): string {
  const r = Math.abs(re) < 5e-13 ? 0 : re;
  const i = Math.abs(im) < 5e-13 ? 0 : im;
  return `${r.toFixed(4)} ${i < 0 ? '−' : '+'} ${Math.abs(i).toFixed(4)}i`;
}

function Amplitudes({ result }: { result: LabResult }) {
  const [filter, setFilter] = useState('');
  const [hideZeros, setHideZeros] = useState(result.numQubits > 3);
  const deferred = useDeferredValue(filter.trim());
  const rows = result.amplitudes.filter(
    (row) =>
      (!hideZeros || row.probability > 1e-12) && (deferred === '' || row.state.includes(deferred)),
  );
  return (
    <Section title="Amplitudes" testId="amplitudes">
      <div className="flex flex-wrap items-end gap-4">
        <Field label="Filter by basis state" hint="Bits q[n−1]…q[0], e.g. 11 or 0">
          <Input
            value={filter}
            inputMode="numeric"
            onChange={(event) => setFilter(event.target.value.replace(/[^01]/g, ''))}
          />
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={hideZeros}
            onChange={(event) => setHideZeros(event.target.checked)}
          />
          Hide zero amplitudes
        </label>
      </div>
      {!result.amplitudesComplete && (
        <p className="text-sm text-muted-fg">
          Showing the {result.amplitudes.length} most likely of {result.nonzeroStates} nonzero basis
          states.
        </p>
      )}
      <Table<AmplitudeRow>
        caption="Amplitude of each basis state"
        hideCaption
        rows={rows.slice(0, 256)}
        rowKey={(row) => row.index}
        empty="No basis state matches the filter."
        columns={[
          {
            key: 'state',
            header: 'State',
            rowHeader: true,
            cell: (row) => <span className="font-mono">|{row.state}⟩</span>,
          },
          {
            key: 'amplitude',
            header: 'Amplitude',
            cell: (row) => <span className="font-mono">{formatComplex(row.re, row.im)}</span>,
          },
          {
            key: 'probability',
            header: 'Probability',
            align: 'right',
            cell: (row) => percent(row.probability),
          },
          {
            key: 'phase',
            header: 'Phase',
            cell: (row) =>
              row.probability > 1e-12 ? (
                <span className="flex items-center gap-2">
                  <span
                    aria-hidden="true"
                    className="inline-block size-4 rounded-full border border-border"
                    style={{ background: phaseColour(row.phase) }}
                  />
                  {((row.phase * 180) / Math.PI).toFixed(1)}°
                </span>
              ) : (
                '—'
              ),
          },
        ]}
      />
      {rows.length > 256 && (
        <p className="text-sm text-muted-fg">First 256 of {rows.length} rows; filter to narrow.</p>
      )}
    </Section>
  );
}

function QubitCard({ qubit }: { qubit: QubitSummary }) {
  const [x, y, z] = qubit.bloch;
  const entangled = qubit.entropy > ENTANGLED_BITS;
  return (
    <figure
      className="flex flex-col items-center gap-1 rounded-md border border-border p-2"
      data-testid={`qubit-${qubit.qubit}`}
    >
      <BlochSphere vector={qubit.bloch} label={`Bloch sphere of q${qubit.qubit}`} />
      <figcaption className="text-center text-xs">
        <span className="font-mono font-semibold">q{qubit.qubit}</span>{' '}
        <span data-testid={`bloch-${qubit.qubit}`}>
          (x {x.toFixed(2)}, y {y.toFixed(2)}, z {z.toFixed(2)})
        </span>
        <br />
        <span
          data-testid={`entanglement-${qubit.qubit}`}
          data-entangled={entangled}
          className={entangled ? 'font-semibold text-primary' : 'text-muted-fg'}
        >
          {entangled ? `Entangled: ${qubit.entropy.toFixed(2)} bit` : 'Not entangled'}
        </span>
      </figcaption>
    </figure>
  );
}

export interface ResultsProps {
  state: SimulationState;
  shots: number;
  onShotsChange: (shots: number) => void;
}

export function Results({ state, shots, onShotsChange }: ResultsProps) {
  const [shotsText, setShotsText] = useState(String(shots));
  const result =
    state.status === 'done' ? state.result : state.status === 'idle' ? null : state.previous;
  const shotsValue = Number(shotsText);
  const shotsError =
    Number.isInteger(shotsValue) && shotsValue >= LIMITS.shots.min && shotsValue <= LIMITS.shots.max
      ? null
      : `Shots must be a whole number from ${LIMITS.shots.min} to ${LIMITS.shots.max}`;

  return (
    <div className="flex flex-col gap-4" aria-busy={state.status === 'running'}>
      <div role="status" className="min-h-6 text-sm" data-testid="simulation-status">
        {state.status === 'running' &&
          (state.progress !== null ? (
            <ProgressBar
              label="Simulating"
              value={Math.round(state.progress * 100)}
              valueText={`${Math.round(state.progress * 100)}%`}
            />
          ) : (
            <Spinner label="Simulating" />
          ))}
        {state.status === 'done' &&
          `Simulated ${state.result.numQubits} qubits, ${state.result.gateCount} gates in ${state.result.durationMs.toFixed(0)} ms (${state.result.passes} passes over the state, ${state.result.backend === 'wasm' ? 'WebAssembly' : 'JavaScript'} engine).`}
      </div>
      {state.status === 'error' && (
        <p role="alert" className="rounded-md border border-danger p-3 text-sm">
          The simulation failed: {state.message}. Change the circuit to try again.
        </p>
      )}
      {result && (
        <>
          <Section title="Entanglement and Bloch spheres" testId="qubits">
            <p className="text-sm text-muted-fg">
              A qubit is entangled when its own state is mixed: its Bloch vector is shorter than 1
              and its entropy above 0.
            </p>
            <div className="grid grid-cols-[repeat(auto-fill,minmax(8.5rem,1fr))] gap-2">
              {result.qubits.map((qubit) => (
                <QubitCard key={qubit.qubit} qubit={qubit} />
              ))}
            </div>
          </Section>
          <Section title="Probabilities" testId="probabilities">
            {result.numQubits > 4 && (
              <p className="text-sm text-muted-fg">
                The {result.histogram.length} most likely of {result.nonzeroStates} possible
                outcomes.
              </p>
            )}
            <Bars
              label="Probability of each outcome"
              testIdPrefix="probability"
              rows={result.histogram.map((p) => ({
                state: p.state,
                value: p.probability,
                text: percent(p.probability),
              }))}
            />
          </Section>
          <Section title="Measurement counts" testId="counts">
            <form
              className="flex items-end gap-2"
              onSubmit={(event) => {
                event.preventDefault();
                if (!shotsError) onShotsChange(shotsValue);
              }}
            >
              <Field
                label="Shots"
                error={shotsText === String(shots) ? undefined : (shotsError ?? undefined)}
              >
                <Input
                  className="w-32"
                  inputMode="numeric"
                  value={shotsText}
                  onChange={(event) => setShotsText(event.target.value)}
                  onBlur={() => !shotsError && onShotsChange(shotsValue)}
                />
              </Field>
            </form>
            <Bars
              label={`Counts over ${result.shots} shots`}
              testIdPrefix="count"
              rows={Object.entries(result.counts)
                .sort((a, b) => b[1] - a[1])
                .slice(0, 32)
                .map(([bits, count]) => ({ state: bits, value: count, text: String(count) }))}
            />
          </Section>
          <Amplitudes result={result} />
        </>
      )}
    </div>
  );
}
