// A saved run, re-opened without re-running: its parameters, summary and plots from saved series.
import type { Run } from '@alawein/simcore-domain';
import { Table } from '@alawein/ui';
import { findModule } from '../lib/modules.ts';
import { RunPlots } from './run-plots.tsx';
import { RunStatusBadge } from './run-status.tsx';
import { SummaryTable } from './summary-table.tsx';
import { Section } from '@alawein/app-kit';

function showValue(value: unknown): string {
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}

export function RunView({ run }: { run: Run }) {
  const module = findModule(run.module);
  const meta = (module?.params ?? {}) as Record<
    string,
    { label: string; unit: string } | undefined
  >;
  return (
    <div className="flex flex-col gap-6">
      <p className="flex flex-wrap items-center gap-3 text-sm text-muted-fg">
        <span>{module?.title ?? run.module}</span>
        <RunStatusBadge status={run.status} progress={run.progress} />
        <span>engine {run.engineVersion}</span>
        {run.computeMs !== null ? (
          <span>{(run.computeMs / 1000).toFixed(2)} s of compute</span>
        ) : null}
        <span>saved {new Date(run.createdAt).toLocaleString()}</span>
      </p>
      <div className="grid gap-6 lg:grid-cols-2">
        <Section title="Parameters">
          <Table
            caption="Parameters"
            hideCaption
            rows={Object.entries(run.params)}
            rowKey={([key]) => key}
            columns={[
              {
                key: 'name',
                header: 'Parameter',
                rowHeader: true,
                cell: ([key]) => meta[key]?.label ?? key,
              },
              {
                key: 'value',
                header: 'Value',
                align: 'right',
                cell: ([, value]) => showValue(value),
              },
              { key: 'unit', header: 'Unit', cell: ([key]) => meta[key]?.unit ?? '' },
            ]}
          />
        </Section>
        {module && run.summary ? (
          <Section title="Results summary">
            <SummaryTable module={module} summary={run.summary} />
          </Section>
        ) : (
          <Section title="Results summary">
            <p className="text-sm">This run ended before it produced results.</p>
          </Section>
        )}
      </div>
      {module && run.series ? (
        <Section title="Plots">
          <RunPlots module={module} series={run.series} />
        </Section>
      ) : null}
    </div>
  );
}
