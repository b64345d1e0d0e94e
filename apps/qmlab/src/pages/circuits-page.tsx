// The signed-in learner's saved circuits: searchable by title, newest first; open or delete.
import { usePageTitle } from '@alawein/app-kit';
import type { SavedCircuit } from '@alawein/qmlab-domain';
import { Button, EmptyState, ErrorFallback, Field, Input, Spinner } from '@alawein/ui';
import { useDeferredValue, useState } from 'react';
import { Link } from 'react-router-dom';
import { useCircuitsQuery, useDeleteCircuitMutation } from '../api/circuits.ts';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const VISIBILITY_LABEL = { private: 'Private', unlisted: 'Unlisted', public: 'Public' } as const;

function CircuitItem({ circuit }: { circuit: SavedCircuit }) {
  const remove = useDeleteCircuitMutation();
  const [confirming, setConfirming] = useState(false);
  return (
    <li
      className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-border p-3"
      data-testid="circuit-item"
    >
      <div className="flex flex-col">
        <Link to={`/lab/${circuit.id}`} className="font-medium text-primary underline">
          {circuit.title}
        </Link>
        <span className="text-sm text-muted-fg">
          {circuit.num_qubits} qubits · {circuit.gate_count} gates ·{' '}
          {VISIBILITY_LABEL[circuit.visibility]} · changed{' '}
          {dateTime.format(new Date(circuit.updated_at))}
        </span>
        {circuit.description && <span className="text-sm">{circuit.description}</span>}
      </div>
      {confirming ? (
        <div
          className="flex items-center gap-2"
          role="group"
          aria-label={`Delete ${circuit.title}?`}
        >
          <span className="text-sm">Delete it and its runs?</span>
          <Button
            size="sm"
            variant="danger"
            loading={remove.isPending}
            onClick={() => remove.mutate(circuit.id)}
          >
            Delete
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
            Keep
          </Button>
        </div>
      ) : (
        <Button
          size="sm"
          variant="ghost"
          onClick={() => setConfirming(true)}
          aria-label={`Delete ${circuit.title}`}
        >
          Delete
        </Button>
      )}
      {remove.isError && (
        <p role="alert" className="w-full text-sm text-danger">
          Not deleted: {remove.error.message}
        </p>
      )}
    </li>
  );
}

export default function CircuitsPage() {
  usePageTitle('My circuits');
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  const circuits = useCircuitsQuery(deferred);
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6 p-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">My circuits</h1>
        <Link
          to="/lab"
          className="inline-flex h-10 items-center rounded-control bg-primary px-4 text-sm font-medium text-primary-fg hover:bg-primary-hover"
        >
          New circuit
        </Link>
      </div>
      <Field label="Search by title">
        <Input
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          data-testid="circuit-search"
        />
      </Field>
      {circuits.isPending ? (
        <Spinner label="Loading your circuits" />
      ) : circuits.isError ? (
        <ErrorFallback
          error={circuits.error}
          title="Could not load your circuits"
          onRetry={() => void circuits.refetch()}
        />
      ) : circuits.data.items.length === 0 ? (
        deferred ? (
          <EmptyState
            title={`No circuit matches “${deferred}”`}
            description="Try another part of the title."
          />
        ) : (
          <EmptyState
            title="No saved circuits yet"
            description="Build one in the lab, or start from an example, then save it here."
            action={
              <Link to="/lab?example=bell" className="font-medium text-primary underline">
                Start from a Bell pair
              </Link>
            }
          />
        )
      ) : (
        <>
          <p role="status" className="text-sm text-muted-fg">
            {circuits.data.total} circuit{circuits.data.total === 1 ? '' : 's'}
          </p>
          <ul className="flex flex-col gap-2" aria-label="Saved circuits">
            {circuits.data.items.map((circuit) => (
              <CircuitItem key={circuit.id} circuit={circuit} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
