import { formatWeight, type WeightUnit } from '@alawein/repz-domain';
import { Button, DangerActions, Dialog, EmptyState, Field, Input, useToast } from '@alawein/ui';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useUnit } from '../api/use-unit.ts';
import { useDeleteWorkoutMutation, useWorkoutsQuery, type Workout } from '../api/workouts.ts';
import { LinkButton, QueryState } from '@alawein/app-kit';

const PAGE_SIZE = 10;

/**
 * Workouts with date filters and paging kept in the URL (`?from&to&page`). With `athlete` it shows a
 * client's workouts read-only, for their coach.
 */
export function WorkoutList({ athlete }: { athlete?: string }) {
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const query = useWorkoutsQuery({
    from,
    to,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
    athlete,
  });
  const unit = useUnit();

  const setParam = (changes: Record<string, string | undefined>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes))
        if (value) next.set(key, value);
        else next.delete(key);
      return next;
    });

  return (
    <div className="flex flex-col gap-4">
      <form
        className="flex flex-wrap items-end gap-3"
        aria-label="Filter workouts by date"
        onSubmit={(event) => event.preventDefault()}
      >
        <Field label="From">
          <Input
            type="date"
            value={from ?? ''}
            onChange={(event) => setParam({ from: event.target.value, page: undefined })}
            data-testid="history-from"
          />
        </Field>
        <Field label="To">
          <Input
            type="date"
            value={to ?? ''}
            onChange={(event) => setParam({ to: event.target.value, page: undefined })}
            data-testid="history-to"
          />
        </Field>
        {(from ?? to) && (
          <Button
            variant="ghost"
            onClick={() => setParam({ from: undefined, to: undefined, page: undefined })}
          >
            Clear dates
          </Button>
        )}
      </form>
      <QueryState query={query} label="workouts">
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState
              title={from || to ? 'No workouts in these dates' : 'No workouts yet'}
              description={athlete ? undefined : 'Logged workouts appear here, newest first.'}
              action={
                athlete ? undefined : <LinkButton to="/workouts/new">Log a workout</LinkButton>
              }
            />
          ) : (
            <>
              <ol
                className="flex flex-col gap-3"
                data-testid="workout-list"
                aria-busy={query.isFetching}
              >
                {data.items.map((workout) => (
                  <WorkoutCard
                    key={workout.id}
                    workout={workout}
                    unit={unit}
                    readOnly={Boolean(athlete)}
                    athlete={athlete}
                  />
                ))}
              </ol>
              <nav className="flex items-center gap-3" aria-label="Pages">
                <Button
                  variant="secondary"
                  disabled={page <= 1}
                  onClick={() => setParam({ page: String(page - 1) })}
                >
                  Newer
                </Button>
                <span data-testid="history-page">
                  Page {page} of {Math.max(1, Math.ceil(data.total / PAGE_SIZE))} · {data.total}{' '}
                  workouts
                </span>
                <Button
                  variant="secondary"
                  disabled={page * PAGE_SIZE >= data.total}
                  onClick={() => setParam({ page: String(page + 1) })}
                >
                  Older
                </Button>
              </nav>
            </>
          )
        }
      </QueryState>
    </div>
  );
}

/** Sets grouped by exercise, in order: "Bench Press 3 × 5 @ 100 kg". */
function exerciseLines(workout: Workout, unit: WeightUnit) {
  const lines: { exerciseId: string; name: string; sets: string[] }[] = [];
  for (const set of workout.sets) {
    let line = lines.at(-1);
    if (line?.exerciseId !== set.exercise_id) {
      line = { exerciseId: set.exercise_id, name: set.exercise_name, sets: [] };
      lines.push(line);
    }
    line.sets.push(`${set.reps} × ${formatWeight(set.weight_kg, unit)}`);
  }
  return lines;
}

function WorkoutCard({
  workout,
  unit,
  readOnly,
  athlete,
}: {
  workout: Workout;
  unit: WeightUnit;
  readOnly: boolean;
  athlete?: string;
}) {
  const remove = useDeleteWorkoutMutation();
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const when = new Date(workout.performed_at).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const exerciseHref = (exerciseId: string) =>
    athlete ? `/coach/clients/${athlete}?exercise=${exerciseId}` : `/exercises/${exerciseId}`;
  return (
    <li
      className="flex flex-col gap-2 rounded-lg border border-border p-4"
      data-testid="workout-item"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-lg font-semibold">{workout.name}</h3>
        <span className="text-sm text-muted-fg">
          {when}
          {workout.duration_min ? ` · ${workout.duration_min} min` : ''}
        </span>
      </div>
      <ul className="flex flex-col gap-1 text-sm">
        {exerciseLines(workout, unit).map((line, index) => (
          <li key={`${line.exerciseId}-${index}`}>
            <Link className="font-medium underline" to={exerciseHref(line.exerciseId)}>
              {line.name}
            </Link>{' '}
            {line.sets.join(', ')}
          </li>
        ))}
      </ul>
      {workout.notes && <p className="text-sm text-muted-fg">{workout.notes}</p>}
      {!readOnly && (
        <div className="flex flex-wrap gap-2">
          <LinkButton to={`/workouts/${workout.id}/edit`}>Edit</LinkButton>
          <LinkButton to={`/workouts/new?repeat=${workout.id}`}>Repeat</LinkButton>
          <Dialog
            open={open}
            onOpenChange={setOpen}
            title="Delete this workout?"
            description={`“${workout.name}” and its ${workout.sets.length} sets will be removed for good.`}
            trigger={<Button variant="ghost">Delete</Button>}
            footer={
              <DangerActions
                cancelLabel="Keep it"
                confirmLabel="Delete"
                loading={remove.isPending}
                onConfirm={() =>
                  remove.mutate(workout.id, {
                    onSuccess: () => {
                      setOpen(false);
                      toast({ title: 'Workout deleted', variant: 'success' });
                    },
                    onError: (error) =>
                      toast({
                        title: 'Could not delete the workout',
                        description: error.message,
                        variant: 'error',
                      }),
                  })
                }
              />
            }
          >
            {null}
          </Dialog>
        </div>
      )}
    </li>
  );
}
