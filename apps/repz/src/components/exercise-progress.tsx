import { formatWeight, PROGRESS_PERIODS, type ProgressPeriod } from '@alawein/repz-domain';
import { Button, EmptyState } from '@alawein/ui';
import { useMemo, useState } from 'react';
import { useProgressQuery, type Progress } from '../api/stats.ts';
import { useUnit } from '../api/use-unit.ts';
import { displayWeight } from '../lib/weight-input.ts';
import { LineChart } from './line-chart.tsx';
import { QueryState, Section } from '@alawein/app-kit';

const PERIOD_LABELS: Record<ProgressPeriod, string> = {
  '4w': '4 weeks',
  '12w': '12 weeks',
  '1y': '1 year',
  all: 'All time',
};

/** Best weight, volume and estimated 1RM of one exercise over a chosen period (a client's with `athlete`). */
export function ExerciseProgress({
  exerciseId,
  athlete,
}: {
  exerciseId: string;
  athlete?: string;
}) {
  const [period, setPeriod] = useState<ProgressPeriod>('12w');
  const progress = useProgressQuery(exerciseId, period, athlete);
  return (
    <div className="flex flex-col gap-4">
      <div role="group" aria-label="Period" className="flex flex-wrap gap-2">
        {PROGRESS_PERIODS.map((value) => (
          <Button
            key={value}
            size="sm"
            variant={value === period ? 'primary' : 'secondary'}
            aria-pressed={value === period}
            onClick={() => setPeriod(value)}
          >
            {PERIOD_LABELS[value]}
          </Button>
        ))}
      </div>
      <QueryState query={progress} label="progress">
        {(data) => <ProgressCharts data={data} period={period} />}
      </QueryState>
    </div>
  );
}

function ProgressCharts({ data, period }: { data: Progress; period: ProgressPeriod }) {
  const unit = useUnit();
  const charts = useMemo(() => {
    const days = data.points.map((point) => point.date);
    const w = (kg: number | null) => (kg === null ? null : displayWeight(kg, unit));
    return {
      days,
      best: [
        {
          label: 'Best weight',
          values: data.points.map((p) => w(p.max_weight_kg)),
          color: '#2563eb',
        },
      ],
      volume: [
        { label: 'Volume', values: data.points.map((p) => w(p.volume_kg)), color: '#059669' },
      ],
      e1rm: [
        { label: 'Epley', values: data.points.map((p) => w(p.e1rm_epley_kg)), color: '#dc2626' },
        {
          label: 'Brzycki',
          values: data.points.map((p) => w(p.e1rm_brzycki_kg)),
          color: '#7c3aed',
        },
      ],
    };
  }, [data, unit]);
  if (data.points.length === 0)
    return (
      <EmptyState
        title={`No sets in the last ${PERIOD_LABELS[period].toLowerCase()}`}
        description="Choose a longer period or log this exercise."
      />
    );
  const records = data.personal_records;
  return (
    <div className="flex flex-col gap-4">
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Record label="Best weight" value={records.max_weight_kg} testId="pr-weight" />
        <Record label="Best session volume" value={records.max_volume_kg} testId="pr-volume" />
        <Record label="Estimated 1RM" value={records.max_e1rm_kg} testId="pr-e1rm" />
      </dl>
      <Section title="Estimated 1RM">
        <LineChart
          title={`Estimated one-rep max per day (${unit})`}
          days={charts.days}
          series={charts.e1rm}
          unit={unit}
          testId="chart-e1rm"
        />
      </Section>
      <Section title="Best weight">
        <LineChart
          title={`Heaviest set per day (${unit})`}
          days={charts.days}
          series={charts.best}
          unit={unit}
          testId="chart-best"
        />
      </Section>
      <Section title="Volume">
        <LineChart
          title={`Volume per day, sets × reps × weight (${unit})`}
          days={charts.days}
          series={charts.volume}
          unit={unit}
          testId="chart-volume"
        />
      </Section>
    </div>
  );

  function Record({
    label,
    value,
    testId,
  }: {
    label: string;
    value: number | null;
    testId: string;
  }) {
    return (
      <div className="rounded-lg border border-border p-3">
        <dt className="text-sm text-muted-fg">{label}</dt>
        <dd className="text-xl font-semibold" data-testid={testId}>
          {value === null ? '–' : formatWeight(value, unit)}
        </dd>
      </div>
    );
  }
}
