// One module: presets, parameter controls, Run / Pause / Resume / Stop, progress with time left,
// the live view, then the summary, plots and saving. All computing happens in a Web Worker.
import { useMemo, useState } from 'react';
import type { z } from 'zod';
import { Link, useParams } from 'react-router-dom';
import { LinkButton, Page, Section, useAuthState } from '@alawein/app-kit';
import { modules, ParamsError, parseParams, type ParamMeta } from '@alawein/simcore-engine';
import { Button, EmptyState, Field, Input, ProgressBar } from '@alawein/ui';
import { useSaveRunMutation } from '../api/runs.ts';
import { LiveView } from '../components/live-view.tsx';
import {
  fromFormValues,
  ParamForm,
  toFormValues,
  type FormValues,
} from '../components/param-form.tsx';
import { RunPlots } from '../components/run-plots.tsx';
import { SummaryTable } from '../components/summary-table.tsx';
import { findModule, formatNumber, type AnyModule } from '../lib/modules.ts';
import { formatTimeLeft, useSimulation, type SimulationState } from '../lib/use-simulation.ts';

export default function ModulePage() {
  const { moduleId } = useParams();
  const module = findModule(moduleId);
  if (!module || !(module.id in modules)) {
    return (
      <Page wide title="Module not found">
        <EmptyState
          title="There is no such module"
          description="It may have been renamed. Pick one from the gallery."
          action={<LinkButton to="/modules">Open the gallery</LinkButton>}
        />
      </Page>
    );
  }
  return <ModuleWorkbench key={module.id} module={module} />;
}

function defaultTitle(module: AnyModule, params: Record<string, unknown>): string {
  const first = Object.entries(module.params as Record<string, ParamMeta>).find(
    ([key, meta]) => meta.kind === 'number' && typeof params[key] === 'number',
  );
  return first ? `${module.title}, ${first[0]} = ${String(params[first[0]])}` : module.title;
}

function ModuleWorkbench({ module }: { module: AnyModule }) {
  const runner = modules[module.id];
  const meta = module.params as Record<string, ParamMeta>;
  const defaults = runner.defaults as Record<string, unknown>;
  const [values, setValues] = useState<FormValues>(() => toFormValues(defaults));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [title, setTitle] = useState('');
  const simulation = useSimulation(module.id);
  const { state } = simulation;
  const busy = state.phase === 'running' || state.phase === 'paused';

  const applyPreset = (params: Record<string, unknown>) => {
    setValues(toFormValues({ ...defaults, ...params }));
    setErrors({});
  };

  const run = () => {
    const params = fromFormValues(values, meta);
    try {
      const schema: z.ZodType<Record<string, unknown>> = runner.paramsSchema;
      const parsed = parseParams(schema, params);
      setErrors({});
      setTitle(defaultTitle(module, parsed));
      simulation.start(parsed);
    } catch (error) {
      if (error instanceof ParamsError) {
        setErrors({ [error.field?.split('.')[0] ?? '']: error.message });
        return;
      }
      throw error;
    }
  };

  return (
    <Page wide title={module.title} actions={<LinkButton to="/modules">All modules</LinkButton>}>
      <p className="max-w-3xl text-muted-fg">
        <span className="font-medium text-fg">{module.group}.</span> {module.summary}
      </p>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <Section title="Parameters">
          <div role="group" aria-label="Presets" className="flex flex-wrap gap-2">
            {module.presets.map((preset) => (
              <Button
                key={preset.id}
                variant="secondary"
                size="sm"
                disabled={busy}
                title={preset.description}
                data-testid={`preset-${preset.id}`}
                onClick={() => applyPreset(preset.params)}
              >
                {preset.label}
              </Button>
            ))}
          </div>
          <form
            className="flex flex-col gap-4"
            onSubmit={(event) => {
              event.preventDefault();
              if (!busy) run();
            }}
            noValidate
          >
            <ParamForm
              meta={meta}
              values={values}
              errors={errors}
              disabled={busy}
              onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))}
            />
            <RunControls simulation={simulation} />
          </form>
        </Section>
        <Section title="Live view">
          <RunProgress state={state} />
          <LiveView moduleId={module.id} frame={state.frame} params={state.params ?? defaults} />
        </Section>
      </div>
      {state.phase === 'completed' && state.summary && state.series ? (
        <Section title="Results">
          <SummaryTable module={module} summary={state.summary} />
          <RunPlots module={module} series={state.series} />
        </Section>
      ) : null}
      {state.phase !== 'idle' ? (
        <SaveRun module={module} state={state} title={title} onTitleChange={setTitle} />
      ) : null}
      <Section title="Theory">
        <div className="flex flex-col gap-1 font-mono text-sm" data-testid="theory">
          {module.theory.split('\n').map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      </Section>
    </Page>
  );
}

function RunControls({ simulation }: { simulation: ReturnType<typeof useSimulation> }) {
  const { phase } = simulation.state;
  const busy = phase === 'running' || phase === 'paused';
  return (
    <div className="flex flex-wrap gap-2">
      <Button type="submit" disabled={busy} data-testid="run">
        Run
      </Button>
      {phase === 'paused' ? (
        <Button type="button" variant="secondary" onClick={simulation.resume} data-testid="resume">
          Resume
        </Button>
      ) : (
        <Button
          type="button"
          variant="secondary"
          disabled={phase !== 'running'}
          onClick={simulation.pause}
          data-testid="pause"
        >
          Pause
        </Button>
      )}
      <Button
        type="button"
        variant="secondary"
        disabled={!busy}
        onClick={simulation.stop}
        data-testid="stop"
      >
        Stop
      </Button>
    </div>
  );
}

const PHASE_TEXT: Record<SimulationState['phase'], string> = {
  idle: 'Not started',
  running: 'Running',
  paused: 'Paused',
  completed: 'Completed',
  stopped: 'Stopped',
  failed: 'Failed',
};

function RunProgress({ state }: { state: SimulationState }) {
  const percent = Math.round(state.fraction * 100);
  const detail =
    state.phase === 'running'
      ? formatTimeLeft(state.etaMs)
      : state.phase === 'stopped'
        ? `at ${percent}%`
        : state.phase === 'completed' && state.elapsedMs !== undefined
          ? `in ${formatNumber(state.elapsedMs / 1000)} s`
          : '';
  return (
    <div className="flex flex-col gap-2">
      <p role="status" className="text-sm" data-testid="run-status" data-phase={state.phase}>
        {PHASE_TEXT[state.phase]}
        {detail ? ` ${detail}` : ''}
      </p>
      {state.phase === 'failed' && state.error ? (
        <p className="text-sm text-danger" role="alert">
          {state.error.message}
        </p>
      ) : null}
      <ProgressBar
        label="Progress"
        value={percent}
        valueText={`${percent}%, ${detail || PHASE_TEXT[state.phase]}`}
      />
    </div>
  );
}

function SaveRun({
  module,
  state,
  title,
  onTitleChange,
}: {
  module: AnyModule;
  state: SimulationState;
  title: string;
  onTitleChange: (title: string) => void;
}) {
  const auth = useAuthState();
  const save = useSaveRunMutation();
  const savable = state.phase === 'completed' || state.phase === 'stopped';
  const outcome = useMemo(
    () =>
      state.phase === 'completed' && state.summary && state.series
        ? { status: 'completed' as const, summary: state.summary, series: state.series }
        : { status: 'stopped' as const, progress: state.fraction },
    [state],
  );
  if (auth.status !== 'signed-in') {
    return (
      <Section title="Save this run">
        <p className="text-sm">
          <Link to="/sign-in" className="underline">
            Sign in
          </Link>{' '}
          to keep runs in your account, compare them and share them.
        </p>
      </Section>
    );
  }
  return (
    <Section title="Save this run">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (!savable || !state.params) return;
          save.mutate({
            module: module.id,
            title,
            params: state.params,
            outcome,
            computeMs: state.elapsedMs ?? 0,
          });
        }}
      >
        <div className="min-w-64 flex-1">
          <Field
            label="Title"
            error={save.error?.message}
            hint={savable ? undefined : 'You can save once the run completes or is stopped.'}
          >
            <Input
              value={title}
              maxLength={120}
              onChange={(event) => onTitleChange(event.target.value)}
              data-testid="run-title"
            />
          </Field>
        </div>
        <Button
          type="submit"
          disabled={!savable || save.isPending || save.isSuccess}
          data-testid="save-run"
        >
          {save.isPending ? 'Saving…' : save.isSuccess ? 'Saved' : 'Save run'}
        </Button>
        {save.data ? (
          <LinkButton to={`/runs/${save.data.id}`} data-testid="saved-run-link">
            Open saved run
          </LinkButton>
        ) : null}
      </form>
    </Section>
  );
}
