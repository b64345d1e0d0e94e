// The user's saved runs: filter by module and status, page through, pick runs to compare, delete.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { RUN_STATUSES, type Run, type RunStatus } from '@alawein/simcore-domain';
import { catalogList } from '@alawein/simcore-engine/catalog';
import { Button, EmptyState, Field, Table } from '@alawein/ui';
import { useDeleteRunMutation, useRunsQuery, useStatsQuery } from '../api/runs.ts';
import { NativeSelect } from '../components/native-select.tsx';
import { RunStatusBadge } from '../components/run-status.tsx';
import { findModule, formatNumber } from '../lib/modules.ts';
import { LinkButton, Page, QueryState } from '@alawein/app-kit';

const PAGE_SIZE = 20;

export default function RunsPage() {
  const [module, setModule] = useState('');
  const [status, setStatus] = useState<RunStatus | ''>('');
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<string[]>([]);
  const navigate = useNavigate();
  const runs = useRunsQuery({
    ...(module ? { module } : {}),
    ...(status ? { status } : {}),
    limit: PAGE_SIZE,
    offset,
  });
  const remove = useDeleteRunMutation();
  const selectedRuns = runs.data?.items.filter((run) => selected.includes(run.id)) ?? [];
  const comparable =
    selected.length >= 2 && new Set(selectedRuns.map((run) => run.module)).size === 1;

  const toggle = (id: string) =>
    setSelected((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  return (
    <Page wide title="My runs" actions={<LinkButton to="/modules">New run</LinkButton>}>
      <Usage />
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Module">
          <FilterSelect
            value={module}
            onChange={(value) => {
              setModule(value);
              setOffset(0);
            }}
            options={[
              { value: '', label: 'All modules' },
              ...catalogList.map((m) => ({ value: m.id, label: m.title })),
            ]}
            testId="filter-module"
          />
        </Field>
        <Field label="Status">
          <FilterSelect
            value={status}
            onChange={(value) => {
              setStatus(value as RunStatus | '');
              setOffset(0);
            }}
            options={[
              { value: '', label: 'Any status' },
              ...RUN_STATUSES.map((s) => ({ value: s, label: s })),
            ]}
            testId="filter-status"
          />
        </Field>
        <Button
          variant="secondary"
          disabled={!comparable}
          data-testid="compare-selected"
          onClick={() => void navigate(`/compare?ids=${selected.join(',')}`)}
        >
          Compare selected ({selected.length})
        </Button>
      </div>
      {selected.length >= 2 && !comparable ? (
        <p className="text-sm" role="status">
          Pick runs of one module to compare them.
        </p>
      ) : null}
      <QueryState query={runs} label="your runs">
        {(page) =>
          page.total === 0 ? (
            <EmptyState
              title={module || status ? 'No runs match these filters' : 'No saved runs yet'}
              description="Run a simulation and save it to find it here."
              action={<LinkButton to="/modules">Open the gallery</LinkButton>}
            />
          ) : (
            <>
              <Table<Run>
                caption="Saved runs"
                hideCaption
                data-testid="runs-table"
                rows={page.items}
                rowKey={(run) => run.id}
                columns={[
                  {
                    key: 'select',
                    header: <span className="sr-only">Select to compare</span>,
                    cell: (run) => (
                      <input
                        type="checkbox"
                        className="size-4"
                        checked={selected.includes(run.id)}
                        onChange={() => toggle(run.id)}
                        aria-label={`Select ${run.title} to compare`}
                        data-testid="select-run"
                      />
                    ),
                  },
                  {
                    key: 'title',
                    header: 'Title',
                    rowHeader: true,
                    cell: (run) => (
                      <Link to={`/runs/${run.id}`} className="underline" data-testid="run-link">
                        {run.title}
                      </Link>
                    ),
                  },
                  {
                    key: 'module',
                    header: 'Module',
                    cell: (run) => findModule(run.module)?.title ?? run.module,
                  },
                  {
                    key: 'status',
                    header: 'Status',
                    cell: (run) => <RunStatusBadge status={run.status} progress={run.progress} />,
                  },
                  {
                    key: 'created',
                    header: 'Saved',
                    cell: (run) => new Date(run.createdAt).toLocaleString(),
                  },
                  {
                    key: 'actions',
                    header: <span className="sr-only">Actions</span>,
                    cell: (run) => (
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-label={`Delete ${run.title}`}
                        disabled={remove.isPending}
                        onClick={() => {
                          if (window.confirm(`Delete “${run.title}”? This cannot be undone.`)) {
                            setSelected((ids) => ids.filter((x) => x !== run.id));
                            remove.mutate(run.id);
                          }
                        }}
                      >
                        Delete
                      </Button>
                    ),
                  },
                ]}
              />
              <nav aria-label="Pages" className="flex items-center gap-3">
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={offset === 0}
                  onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
                >
                  Previous
                </Button>
                <span className="text-sm">
                  {offset + 1}–{Math.min(offset + PAGE_SIZE, page.total)} of {page.total}
                </span>
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={offset + PAGE_SIZE >= page.total}
                  onClick={() => setOffset(offset + PAGE_SIZE)}
                >
                  Next
                </Button>
              </nav>
            </>
          )
        }
      </QueryState>
    </Page>
  );
}

function Usage() {
  const stats = useStatsQuery();
  if (!stats.data) return null;
  const { runs, computeMs, storageBytes, quota } = stats.data;
  return (
    <p className="text-sm text-muted-fg" data-testid="usage">
      {runs} of {quota.runs} runs · {formatNumber(storageBytes / 1024 / 1024)} of{' '}
      {Math.round(quota.storageBytes / 1024 / 1024)} MB of results ·{' '}
      {formatNumber(computeMs / 1000)} s of compute
    </p>
  );
}

function FilterSelect({
  value,
  onChange,
  options,
  testId,
}: {
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  testId: string;
}) {
  return (
    <NativeSelect
      value={value}
      onChange={(event) => onChange(event.target.value)}
      options={options}
      data-testid={testId}
    />
  );
}
