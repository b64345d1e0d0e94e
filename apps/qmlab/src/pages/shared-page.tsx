// A circuit shared by link: read-only, works signed out; signed in, fork it into your account.
import { paths, type ReturnToState, useAuthState, usePageTitle } from '@alawein/app-kit';
import { parseQasm, toQasm } from '@alawein/quantum';
import { Button, ErrorFallback, Spinner } from '@alawein/ui';
import { useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useForkMutation, useSharedCircuitQuery } from '../api/circuits.ts';
import { ApiError } from '@alawein/supabase-client';
import { CircuitGrid } from '../components/circuit-grid.tsx';
import { Results } from '../components/results.tsx';
import { fromCircuit, toCircuit } from '../lib/draft.ts';
import type { SharedCircuit } from '@alawein/qmlab-domain';
import { useSimulation } from '../sim/use-simulation.ts';

function SharedView({ token, shared }: { token: string; shared: SharedCircuit }) {
  usePageTitle(shared.title);
  const auth = useAuthState();
  const location = useLocation();
  const navigate = useNavigate();
  const fork = useForkMutation();
  const [shots, setShots] = useState(1024);
  const draft = useMemo(() => fromCircuit(parseQasm(shared.qasm)), [shared.qasm]);
  const circuit = useMemo(() => toCircuit(draft), [draft]);
  const simulation = useSimulation(circuit, shots);
  const returnTo: ReturnToState = { from: { pathname: location.pathname } };
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold" data-testid="shared-title">
            {shared.title}
          </h1>
          <p className="text-sm text-muted-fg">
            Shared {shared.owner_name ? `by ${shared.owner_name}` : ''} · {shared.num_qubits} qubits
            · {shared.gate_count} gates · read-only
          </p>
          {shared.description && <p className="mt-2">{shared.description}</p>}
        </div>
        {auth.status === 'signed-in' ? (
          <Button
            loading={fork.isPending}
            data-testid="fork"
            onClick={() =>
              fork.mutate(token, { onSuccess: (copy) => void navigate(`/lab/${copy.id}`) })
            }
          >
            Fork into my circuits
          </Button>
        ) : auth.status === 'signed-out' ? (
          <Link
            to={paths.signIn}
            state={returnTo}
            className="inline-flex h-10 items-center rounded-control bg-primary px-4 text-sm font-medium text-primary-fg hover:bg-primary-hover"
            data-testid="sign-in-to-fork"
          >
            Sign in to fork
          </Link>
        ) : null}
      </div>
      {fork.isError && (
        <p role="alert" className="text-sm text-danger">
          Not forked: {fork.error.message}
        </p>
      )}
      <section aria-label="Circuit" className="flex flex-col gap-2">
        <CircuitGrid
          draft={draft}
          cursor={{ qubit: 0, step: 0 }}
          pending={null}
          readOnly
          label={`Circuit ${shared.title} (read-only)`}
        />
        <details>
          <summary className="cursor-pointer text-sm font-medium">OpenQASM</summary>
          <pre
            className="mt-2 overflow-x-auto rounded-md bg-muted p-3 font-mono text-sm"
            data-testid="shared-qasm"
          >
            {toQasm(circuit)}
          </pre>
        </details>
      </section>
      <section aria-label="Results">
        <Results state={simulation} shots={shots} onShotsChange={setShots} />
      </section>
    </div>
  );
}

export default function SharedPage() {
  const { token = '' } = useParams();
  const query = useSharedCircuitQuery(token);
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6 p-4">
      {query.isPending ? (
        <Spinner label="Loading the shared circuit" />
      ) : query.isError ? (
        <ErrorFallback
          error={query.error}
          title={
            query.error instanceof ApiError &&
            (query.error.status === 404 || query.error.status === 422)
              ? 'This link does not open a circuit'
              : 'Could not load the shared circuit'
          }
          onRetry={() => void query.refetch()}
        />
      ) : (
        <SharedView token={token} shared={query.data} />
      )}
    </div>
  );
}
