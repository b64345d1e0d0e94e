import type { EnvValidationError } from '../env/app-env.ts';

/** Shown instead of the app when its environment is invalid: the validator's message, verbatim. */
export function ConfigErrorScreen({ error }: { error: EnvValidationError }) {
  return (
    <main
      className="mx-auto flex min-h-dvh max-w-2xl flex-col justify-center gap-4 p-6 text-fg"
      data-testid="config-error"
    >
      <h1 className="text-2xl font-semibold">This app is not configured</h1>
      <pre className="overflow-x-auto rounded-control border border-border bg-surface p-4 text-sm whitespace-pre-wrap">
        {error.message}
      </pre>
    </main>
  );
}
