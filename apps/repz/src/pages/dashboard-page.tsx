import { formatWeight } from '@alawein/repz-domain';
import { EmptyState } from '@alawein/ui';
import { Link } from 'react-router-dom';
import { useStatsQuery } from '../api/stats.ts';
import { useUnit } from '../api/use-unit.ts';
import { LinkButton, Page, QueryState, Section } from '@alawein/app-kit';

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="flex flex-col rounded-lg border border-border p-4">
      <dt className="text-sm text-muted-fg">{label}</dt>
      <dd className="text-2xl font-semibold" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

export default function DashboardPage() {
  const stats = useStatsQuery();
  const unit = useUnit();
  return (
    <Page
      title="Dashboard"
      actions={
        <LinkButton to="/workouts/new" variant="primary">
          Log a workout
        </LinkButton>
      }
    >
      <QueryState query={stats} label="your training summary">
        {(data) => (
          <>
            <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
              <Figure
                label="Streak"
                value={`${data.streak_days} ${data.streak_days === 1 ? 'day' : 'days'}`}
                testId="stat-streak"
              />
              <Figure
                label="Volume this week"
                value={formatWeight(data.week_volume_kg, unit)}
                testId="stat-week-volume"
              />
              <Figure
                label="Workouts this week"
                value={String(data.workouts_this_week)}
                testId="stat-week-workouts"
              />
            </dl>
            <Section title="Personal records, last 30 days">
              {data.personal_records_30d.length === 0 ? (
                <EmptyState
                  title="No new records yet"
                  description="Records appear here when you lift more than ever before on an exercise."
                  headingLevel={3}
                />
              ) : (
                <ul className="flex flex-col gap-2" data-testid="recent-records">
                  {data.personal_records_30d.map((record) => (
                    <li key={record.exercise_id}>
                      <Link className="underline" to={`/exercises/${record.exercise_id}`}>
                        {record.exercise_name}
                      </Link>
                      : {formatWeight(record.weight_kg, unit)}
                      {record.previous_best_kg !== null && (
                        <span className="text-muted-fg">
                          {' '}
                          (was {formatWeight(record.previous_best_kg, unit)})
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </Section>
          </>
        )}
      </QueryState>
    </Page>
  );
}
