// The lab: build (or import) a circuit, see its results computed in a worker as it changes,
// export it, and — signed in — save, share and keep runs. /lab is a fresh circuit (or an
// example: /lab?example=bell); /lab/:id is a saved one.
import { type Circuit, toQasm } from '@alawein/quantum';
import { EXAMPLES, findExample, type SavedCircuit } from '@alawein/qmlab-domain';
import { paths, useAuthState, usePageTitle } from '@alawein/app-kit';
import { Button, ErrorFallback, Spinner } from '@alawein/ui';
import { parseQasm } from '@alawein/quantum';
import { useId, useMemo, useReducer, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useCircuitQuery } from '../api/circuits.ts';
import { Builder } from '../components/builder.tsx';
import { QasmPanel } from '../components/qasm-panel.tsx';
import { Results } from '../components/results.tsx';
import { RunHistory } from '../components/run-history.tsx';
import { SavePanel } from '../components/save-panel.tsx';
import { type Draft, EMPTY_DRAFT, fromCircuit, toCircuit } from '../lib/draft.ts';
import { commit, type History, initHistory, redo, undo } from '../lib/history.ts';
import { useSimulation } from '../sim/use-simulation.ts';

type HistoryAction = { type: 'change'; draft: Draft } | { type: 'undo' } | { type: 'redo' };

function historyReducer(state: History<Draft>, action: HistoryAction): History<Draft> {
  if (action.type === 'undo') return undo(state);
  if (action.type === 'redo') return redo(state);
  return commit(state, action.draft);
}

function initialDraft(example: string | null): Draft {
  const found = example ? findExample(example) : undefined;
  return found ? fromCircuit(parseQasm(found.qasm)) : EMPTY_DRAFT;
}

function Panel({
  title,
  children,
  testId,
}: {
  title: string;
  children: React.ReactNode;
  testId?: string;
}) {
  const id = useId();
  return (
    <section
      aria-labelledby={id}
      className="flex flex-col gap-3 rounded-lg border border-border p-4"
      data-testid={testId}
    >
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function ExamplePicker({ onLoad }: { onLoad: (circuit: Circuit, title: string) => void }) {
  const id = useId();
  const [choice, setChoice] = useState(EXAMPLES[0]!.id);
  const example = findExample(choice)!;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1.5">
          <label htmlFor={id} className="text-sm font-medium">
            Example
          </label>
          <select
            id={id}
            value={choice}
            onChange={(event) => setChoice(event.target.value)}
            className="h-10 rounded-control border border-control-border bg-bg px-3 text-sm"
            data-testid="example-select"
          >
            {EXAMPLES.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.title}
              </option>
            ))}
          </select>
        </div>
        <Button
          variant="secondary"
          onClick={() => onLoad(parseQasm(example.qasm), example.title)}
          data-testid="example-load"
        >
          Load example
        </Button>
      </div>
      <p className="text-sm text-muted-fg">{example.description}</p>
    </div>
  );
}

function Lab({ saved }: { saved?: SavedCircuit }) {
  const auth = useAuthState();
  const [search] = useSearchParams();
  const [history, dispatch] = useReducer(historyReducer, undefined, () =>
    initHistory(saved ? fromCircuit(parseQasm(saved.qasm)) : initialDraft(search.get('example'))),
  );
  const [shots, setShots] = useState(1024);
  const [notice, setNotice] = useState('');
  const draft = history.present;
  const circuit = useMemo(() => toCircuit(draft), [draft]);
  const qasm = useMemo(() => toQasm(circuit), [circuit]);
  const simulation = useSimulation(circuit, shots);
  const browserResult = simulation.status === 'done' ? simulation.result : null;

  const replace = (next: Circuit, what: string) => {
    dispatch({ type: 'change', draft: fromCircuit(next) });
    setNotice(
      `${what}: ${next.numQubits} qubits, ${next.operations.length} operations. Undo brings back the previous circuit.`,
    );
  };

  usePageTitle(saved?.title ?? 'Lab');
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold" data-testid="lab-title">
        {saved?.title ?? 'Lab'}
      </h1>
      <p role="status" className="sr-only">
        {notice}
      </p>
      <Panel title="Circuit" testId="builder">
        <Builder
          draft={draft}
          canUndo={history.past.length > 0}
          canRedo={history.future.length > 0}
          onChange={(next) => dispatch({ type: 'change', draft: next })}
          onUndo={() => dispatch({ type: 'undo' })}
          onRedo={() => dispatch({ type: 'redo' })}
        />
        <ExamplePicker onLoad={(next, title) => replace(next, `Loaded the example ${title}`)} />
      </Panel>
      <Panel title="Results" testId="results">
        <Results state={simulation} shots={shots} onShotsChange={setShots} />
      </Panel>
      <Panel title="OpenQASM" testId="qasm">
        <QasmPanel
          qasm={qasm}
          fileName={`${(saved?.title ?? 'circuit').replace(/[^\w-]+/g, '-').toLowerCase()}.qasm`}
          onImport={(next) => replace(next, 'Imported the QASM')}
        />
      </Panel>
      <Panel title={saved ? 'Saved circuit' : 'Save'} testId="save">
        {auth.status === 'signed-in' ? (
          <SavePanel key={saved?.id ?? 'new'} saved={saved} qasm={qasm} />
        ) : auth.status === 'loading' ? (
          <Spinner label="Checking your session" />
        ) : (
          <p className="text-sm">
            <Link
              to={paths.signIn}
              state={{ from: { pathname: '/lab' } }}
              className="font-medium text-primary underline"
            >
              Sign in
            </Link>{' '}
            to save circuits, share them and keep their runs. Everything else works without an
            account.
          </p>
        )}
      </Panel>
      {saved && (
        <Panel title="Run history" testId="runs">
          <RunHistory
            circuitId={saved.id}
            numQubits={draft.numQubits}
            shots={shots}
            browserResult={browserResult}
          />
        </Panel>
      )}
    </div>
  );
}

function SavedLab({ id }: { id: string }) {
  const query = useCircuitQuery(id);
  if (query.isPending) return <Spinner label="Loading the circuit" />;
  if (query.isError) {
    return (
      <ErrorFallback
        error={query.error}
        title="Could not open this circuit"
        onRetry={() => void query.refetch()}
      />
    );
  }
  return <Lab key={query.data.id} saved={query.data} />;
}

export default function LabPage() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const example = search.get('example');
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6 p-4">
      {id ? <SavedLab id={id} /> : <Lab key={example ?? 'blank'} />}
    </div>
  );
}
