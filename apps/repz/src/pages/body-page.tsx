import {
  ACTIVITY_FACTORS,
  bmiCategory,
  formatWeight,
  progressEntrySchema,
  type ActivityLevel,
  type Sex,
} from '@alawein/repz-domain';
import { Button, EmptyState, Field, Input, useToast } from '@alawein/ui';
import { useMemo, useState } from 'react';
import {
  useBodyEntriesQuery,
  useBodyProfileQuery,
  useSaveBodyEntryMutation,
  useSaveBodyProfileMutation,
  type BodyEntry,
  type BodyProfile,
} from '../api/body.ts';
import { useMe } from '../api/use-me.ts';
import { useUnit } from '../api/use-unit.ts';
import { LineChart } from '../components/line-chart.tsx';
import { NativeSelect } from '../components/native-select.tsx';
import { ageOn, localToday } from '../lib/age.ts';
import { bodyMetrics } from '../lib/body-metrics.ts';
import { displayWeight, kgFromInput } from '../lib/weight-input.ts';
import { Page, QueryState, Section } from '@alawein/app-kit';

export default function BodyPage() {
  const me = useMe();
  const entries = useBodyEntriesQuery(me);
  const profile = useBodyProfileQuery(me);
  return (
    <Page title="Body metrics">
      <EntryForm />
      <QueryState query={profile} label="your body profile">
        {(data) => (
          <>
            <QueryState query={entries} label="your body metrics">
              {(rows) => <Metrics entries={rows} profile={data} />}
            </QueryState>
            <ProfileForm profile={data} />
          </>
        )}
      </QueryState>
    </Page>
  );
}

function EntryForm() {
  const unit = useUnit();
  const save = useSaveBodyEntryMutation();
  const { toast } = useToast();
  const [day, setDay] = useState(localToday());
  const [weight, setWeight] = useState('');
  const [fat, setFat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = () => {
    const candidate = {
      day,
      body_weight_kg: kgFromInput(weight, unit),
      body_fat_pct: fat.trim() === '' ? null : Number(fat.replace(',', '.')),
    };
    const parsed = progressEntrySchema.safeParse(candidate);
    const next: Record<string, string> = {};
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        next[issue.path.join('.')] ??= /NaN/.test(issue.message) ? 'Enter a number' : issue.message;
    if (parsed.success && parsed.data.body_weight_kg == null && parsed.data.body_fat_pct == null)
      next.body_weight_kg = 'Enter a weight or a body-fat percentage';
    setErrors(next);
    if (!parsed.success || Object.keys(next).length > 0) return;
    save.mutate(parsed.data, {
      onSuccess: () => {
        toast({ title: `Saved for ${day}`, variant: 'success' });
        setWeight('');
        setFat('');
      },
      onError: (error) =>
        toast({ title: 'Could not save', description: error.message, variant: 'error' }),
    });
  };

  const weightHint =
    unit === 'kg' ? '20–400 kg' : `${formatWeight(20, 'lb')}–${formatWeight(400, 'lb')}`;
  return (
    <Section title="Log today's weight">
      <form
        noValidate
        className="grid grid-cols-1 gap-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Field label="Day" error={errors.day} required>
          <Input
            type="date"
            value={day}
            max={localToday()}
            onChange={(event) => setDay(event.target.value)}
          />
        </Field>
        <Field label={`Body weight (${unit})`} hint={weightHint} error={errors.body_weight_kg}>
          <Input
            inputMode="decimal"
            value={weight}
            onChange={(event) => setWeight(event.target.value)}
            data-testid="body-weight"
          />
        </Field>
        <Field label="Body fat (%)" hint="2–75 %" error={errors.body_fat_pct}>
          <Input
            inputMode="decimal"
            value={fat}
            onChange={(event) => setFat(event.target.value)}
            data-testid="body-fat"
          />
        </Field>
        <Button type="submit" loading={save.isPending} data-testid="body-save">
          Save
        </Button>
      </form>
    </Section>
  );
}

function Metrics({ entries, profile }: { entries: BodyEntry[]; profile: BodyProfile | null }) {
  const unit = useUnit();
  const today = localToday();
  const metrics = bodyMetrics(
    entries,
    profile,
    profile?.birth_date ? ageOn(profile.birth_date, today) : null,
  );
  const chart = useMemo(() => {
    const weighed = entries.filter(
      (entry) => entry.body_weight_kg !== null || entry.body_fat_pct !== null,
    );
    return {
      days: weighed.map((entry) => entry.day),
      weight: [
        {
          label: 'Body weight',
          values: weighed.map((e) =>
            e.body_weight_kg === null ? null : displayWeight(e.body_weight_kg, unit),
          ),
          color: '#2563eb',
        },
      ],
    };
  }, [entries, unit]);
  if (entries.length === 0)
    return (
      <EmptyState
        title="No body metrics yet"
        description="Log your weight above to see BMI, energy needs and your trend."
      />
    );
  const row = (label: string, value: string, testId: string, hint?: string) => (
    <div className="rounded-lg border border-border p-3">
      <dt className="text-sm text-muted-fg">{label}</dt>
      <dd className="text-xl font-semibold" data-testid={testId}>
        {value}
      </dd>
      {hint && <dd className="text-xs text-muted-fg">{hint}</dd>}
    </div>
  );
  const needs = (what: string) => `Add your ${what} below`;
  return (
    <>
      <Section title="Your numbers">
        <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          {row(
            'Latest weight',
            metrics.weightKg === null ? '–' : formatWeight(metrics.weightKg, unit),
            'metric-weight',
          )}
          {row(
            'BMI',
            metrics.bmi === null ? '–' : `${metrics.bmi.toFixed(1)} (${bmiCategory(metrics.bmi)})`,
            'metric-bmi',
            metrics.bmi === null ? needs('height') : undefined,
          )}
          {row(
            'Lean body mass',
            metrics.leanKg === null ? '–' : formatWeight(metrics.leanKg, unit),
            'metric-lbm',
            metrics.leanKg === null ? 'Log a body-fat percentage' : undefined,
          )}
          {row(
            'Resting metabolic rate',
            metrics.rmr === null ? '–' : `${Math.round(metrics.rmr)} kcal/day`,
            'metric-rmr',
            metrics.rmr === null ? needs('height, birth date and sex') : 'Mifflin–St Jeor',
          )}
          {row(
            'Daily energy (TDEE)',
            metrics.tdee === null ? '–' : `${Math.round(metrics.tdee)} kcal/day`,
            'metric-tdee',
            metrics.tdee === null
              ? undefined
              : `activity: ${profile?.activity_level.replace('_', ' ')}`,
          )}
        </dl>
      </Section>
      <Section title="Weight trend">
        {chart.days.length < 2 ? (
          <p className="text-sm text-muted-fg">The trend appears after two days of entries.</p>
        ) : (
          <LineChart
            title={`Body weight per day (${unit})`}
            days={chart.days}
            series={chart.weight}
            unit={unit}
            testId="chart-body-weight"
          />
        )}
      </Section>
    </>
  );
}

const ACTIVITY_OPTIONS = (Object.keys(ACTIVITY_FACTORS) as ActivityLevel[]).map((value) => ({
  value,
  label: `${value.replace('_', ' ')} (×${ACTIVITY_FACTORS[value]})`,
}));

function ProfileForm({ profile }: { profile: BodyProfile | null }) {
  const save = useSaveBodyProfileMutation();
  const { toast } = useToast();
  const [height, setHeight] = useState(profile?.height_cm?.toString() ?? '');
  const [birthDate, setBirthDate] = useState(profile?.birth_date ?? '');
  const [sex, setSex] = useState<Sex | ''>(profile?.sex ?? '');
  const [activity, setActivity] = useState<ActivityLevel>(profile?.activity_level ?? 'moderate');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = () => {
    const next: Record<string, string> = {};
    const heightCm = height.trim() === '' ? null : Number(height.replace(',', '.'));
    if (heightCm !== null && !(heightCm >= 100 && heightCm <= 250))
      next.height = 'Enter a height between 100 and 250 cm';
    if (birthDate && (birthDate < '1900-01-01' || birthDate > localToday()))
      next.birthDate = 'Enter a birth date between 1900 and today';
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    save.mutate(
      {
        height_cm: heightCm,
        birth_date: birthDate || null,
        sex: sex || null,
        activity_level: activity,
      },
      {
        onSuccess: () => toast({ title: 'Body profile saved', variant: 'success' }),
        onError: (error) =>
          toast({
            title: 'Could not save the body profile',
            description: error.message,
            variant: 'error',
          }),
      },
    );
  };

  return (
    <Section title="Body profile">
      <form
        noValidate
        className="grid grid-cols-1 gap-3 sm:grid-cols-2"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Field label="Height (cm)" error={errors.height}>
          <Input
            inputMode="decimal"
            value={height}
            onChange={(event) => setHeight(event.target.value)}
            data-testid="profile-height"
          />
        </Field>
        <Field label="Birth date" error={errors.birthDate}>
          <Input
            type="date"
            value={birthDate}
            onChange={(event) => setBirthDate(event.target.value)}
            data-testid="profile-birth-date"
          />
        </Field>
        <Field label="Sex (for the metabolic-rate formula)">
          <NativeSelect
            value={sex}
            onChange={(event) => setSex(event.target.value as Sex | '')}
            options={[
              { value: '', label: 'Not set' },
              { value: 'female', label: 'Female' },
              { value: 'male', label: 'Male' },
            ]}
            data-testid="profile-sex"
          />
        </Field>
        <Field label="Activity level">
          <NativeSelect
            value={activity}
            onChange={(event) => setActivity(event.target.value as ActivityLevel)}
            options={ACTIVITY_OPTIONS}
          />
        </Field>
        <div>
          <Button type="submit" loading={save.isPending} data-testid="profile-save">
            Save body profile
          </Button>
        </div>
      </form>
    </Section>
  );
}
