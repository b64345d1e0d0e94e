// Two or more runs of one module on the same plots, with the parameters that differ.
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { paramDiff, type Run } from '@alawein/simcore-domain';
import { EmptyState, Table } from '@alawein/ui';
import { useRunsByIdQuery } from '../api/runs.ts';
import { SeriesChart } from '../components/series-chart.tsx';
import { findModule, formatNumber, plotLayouts } from '../lib/modules.ts';
import { LinkButton, Page, QueryState, Section } from '@alawein/app-kit';

export default function ComparePage() {
  const [search] = useSearchParams();
  const ids = useMemo(() => (search.get('ids') ?? '').split(',').filter(Boolean), [search]);
  const runs = useRunsByIdQuery(ids);
  return (
    <Page wide title="Compare runs" actions={<LinkButton to="/runs">All runs</LinkButton>}>
      {ids.length < 2 ? (
        <EmptyState
          title="Pick two or more runs"
          description="Select runs of one module in your runs list, then Compare."
          action={<LinkButton to="/runs">My runs</LinkButton>}
        />
      ) : (
        <QueryState query={runs} label="the runs">
          {(data) => <Comparison runs={data} />}
        </QueryState>
      )}
    </Page>
  );
}

function Comparison({ runs }: { runs: Run[] }) {
  const module = findModule(runs[0]?.module);
  if (!module || runs.some((run) => run.module !== module.id)) {
    return (
      <EmptyState
        title="These runs are of different modules"
        description="Compare runs of one module."
      />
    );
  }
  const diff = paramDiff(runs.map((run) => run.params));
  const summaryKeys = Object.keys(module.summaryFields);
  const fields = module.summaryFields as Record<string, { label: string; unit: string }>;
  return (
    <div className="flex flex-col gap-6">
      <Section title="Parameters that differ">
        {diff.length === 0 ? (
          <p className="text-sm">The runs have the same parameters.</p>
        ) : (
          <Table
            caption="Parameter differences"
            hideCaption
            data-testid="param-diff"
            rows={diff}
            rowKey={(row) => row.name}
            columns={[
              { key: 'name', header: 'Parameter', rowHeader: true, cell: (row) => row.name },
              ...runs.map((run, index) => ({
                key: run.id,
                header: run.title,
                align: 'right' as const,
                cell: (row: (typeof diff)[number]) => showValue(row.values[index]),
              })),
            ]}
          />
        )}
      </Section>
      <Section title="Summaries">
        <Table
          caption="Summaries side by side"
          hideCaption
          rows={summaryKeys}
          rowKey={(key) => key}
          columns={[
            {
              key: 'q',
              header: 'Quantity',
              rowHeader: true,
              cell: (key) => fields[key]?.label ?? key,
            },
            ...runs.map((run) => ({
              key: run.id,
              header: run.title,
              align: 'right' as const,
              cell: (key: string) => {
                const value = run.summary?.[key];
                return value === undefined ? '—' : formatNumber(value);
              },
            })),
          ]}
        />
      </Section>
      <Section title="Plots">
        <div className="grid gap-4 lg:grid-cols-2" data-testid="compare-plots">
          {plotLayouts(module).flatMap((plot) =>
            plot.ys.map((y) => {
              const withData = runs.filter((run) => run.series?.[plot.x] && run.series[y.key]);
              if (withData.length === 0) return null;
              // Runs may sample x differently: plot on the union of x values, gaps elsewhere.
              const xs = [...new Set(withData.flatMap((run) => run.series![plot.x]!))].sort(
                (a, b) => a - b,
              );
              const lines = withData.map((run) => {
                const lookup = new Map(
                  run.series![plot.x]!.map((x, i) => [x, run.series![y.key]![i] ?? null]),
                );
                return { label: run.title, values: xs.map((x) => lookup.get(x) ?? null) };
              });
              return (
                <SeriesChart
                  key={`${plot.x}-${y.key}`}
                  title={`${y.label}${y.unit ? ` (${y.unit})` : ''}`}
                  x={xs}
                  xLabel={plot.xLabel}
                  lines={lines}
                />
              );
            }),
          )}
        </div>
      </Section>
    </div>
  );
}

function showValue(value: unknown): string {
  if (value === undefined) return '—';
  return Array.isArray(value) ? `[${value.join(', ')}]` : JSON.stringify(value);
}
