import type { RunStatus } from '@alawein/simcore-domain';

const LOOK: Record<RunStatus, string> = {
  queued: 'border-border',
  running: 'border-primary',
  paused: 'border-border',
  completed: 'border-success',
  failed: 'border-danger',
  stopped: 'border-warning',
};

/** A run's status as a small labelled badge (text, not colour alone, carries the meaning). */
export function RunStatusBadge({ status, progress }: { status: RunStatus; progress: number }) {
  return (
    <span
      className={`inline-flex items-center rounded border px-2 py-0.5 text-xs font-medium ${LOOK[status]}`}
      data-testid="run-status-badge"
    >
      {status}
      {status === 'stopped' || status === 'failed' ? ` at ${Math.round(progress * 100)}%` : ''}
    </span>
  );
}
