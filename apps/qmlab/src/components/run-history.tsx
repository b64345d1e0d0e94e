// A saved circuit's runs: run it on the server, keep the browser's run, and the history.
import { LIMITS, type SavedRun } from '@alawein/qmlab-domain';
import { ENGINE_VERSION } from '@alawein/quantum';
import { Button, ErrorFallback, Spinner, Table } from '@alawein/ui';
import { useRecordRunMutation, useRunsQuery, useServerRunMutation } from '../api/runs.ts';
import type { LabResult } from '../sim/lab-result.ts';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function RunHistory({
  circuitId,
  numQubits,
  shots,
  browserResult,
}: {
  circuitId: string;
  numQubits: number;
  shots: number;
  browserResult: LabResult | null;
}) {
  const runs = useRunsQuery(circuitId);
  const serverRun = useServerRunMutation(circuitId);
  const recordRun = useRecordRunMutation(circuitId);
  const tooBigForServer = numQubits > LIMITS.serverQubits;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          size="sm"
          onClick={() => serverRun.mutate(shots)}
          loading={serverRun.isPending}
          disabled={tooBigForServer}
          aria-describedby={tooBigForServer ? `${circuitId}-server-limit` : undefined}
        >
          Run on the server ({shots} shots)
        </Button>
        <Button
          size="sm"
          variant="secondary"
          disabled={!browserResult}
          loading={recordRun.isPending}
          onClick={() => {
            if (!browserResult) return;
            recordRun.mutate({
              shots: browserResult.shots,
              counts: browserResult.counts,
              top_probabilities: browserResult.top,
              duration_ms: browserResult.durationMs,
              engine_version: ENGINE_VERSION,
            });
          }}
        >
          Keep this browser run
        </Button>
        {tooBigForServer && (
          <span id={`${circuitId}-server-limit`} className="text-sm text-muted-fg">
            The server runs up to {LIMITS.serverQubits} qubits; this circuit runs in your browser.
          </span>
        )}
      </div>
      {(serverRun.isError || recordRun.isError) && (
        <p role="alert" className="text-sm text-danger">
          {(serverRun.error ?? recordRun.error)?.message}
        </p>
      )}
      {runs.isPending ? (
        <Spinner label="Loading the run history" />
      ) : runs.isError ? (
        <ErrorFallback
          error={runs.error}
          title="Could not load the runs"
          onRetry={() => void runs.refetch()}
        />
      ) : (
        <Table<SavedRun>
          caption="Runs of this circuit, newest first"
          rows={runs.data.items}
          rowKey={(run) => run.id}
          empty="No runs kept yet: run it on the server or keep the browser's run."
          columns={[
            {
              key: 'when',
              header: 'When',
              rowHeader: true,
              cell: (run) => dateTime.format(new Date(run.created_at)),
            },
            {
              key: 'where',
              header: 'Where',
              cell: (run) => (run.ran_in === 'server' ? 'Server' : 'Browser'),
            },
            { key: 'shots', header: 'Shots', align: 'right', cell: (run) => run.shots },
            {
              key: 'top',
              header: 'Most likely',
              cell: (run) => {
                const top = run.top_probabilities[0];
                return top ? `|${top.state}⟩ ${(top.probability * 100).toFixed(1)}%` : '—';
              },
            },
            {
              key: 'time',
              header: 'Time',
              align: 'right',
              cell: (run) => `${run.duration_ms.toFixed(1)} ms`,
            },
          ]}
        />
      )}
    </div>
  );
}
