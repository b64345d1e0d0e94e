import { clsx } from 'clsx';

export interface ProgressBarProps {
  /** Current value; omit for an indeterminate bar (no aria-valuenow). */
  value?: number;
  min?: number;
  max?: number;
  /** Accessible name, also shown above the bar unless hideLabel. */
  label: string;
  hideLabel?: boolean;
  /** Spoken value, e.g. "Step 3 of 10"; defaults to the percentage. */
  valueText?: string;
  className?: string;
}

/** role="progressbar" with aria-valuemin/max/now and a visible percentage. */
export function ProgressBar({
  value,
  min = 0,
  max = 100,
  label,
  hideLabel = false,
  valueText,
  className,
}: ProgressBarProps) {
  const determinate = value !== undefined && Number.isFinite(value);
  const clamped = determinate ? Math.min(max, Math.max(min, value)) : min;
  const percent = max > min ? Math.round(((clamped - min) / (max - min)) * 100) : 0;
  const text = determinate ? (valueText ?? `${percent}%`) : undefined;

  return (
    <div className={clsx('flex flex-col gap-1', className)}>
      {!hideLabel && (
        <div className="flex justify-between text-sm">
          <span className="font-medium text-fg">{label}</span>
          {text && (
            <span className="text-muted-fg" aria-hidden="true">
              {text}
            </span>
          )}
        </div>
      )}
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={min}
        aria-valuemax={max}
        aria-valuenow={determinate ? clamped : undefined}
        aria-valuetext={text}
        className="h-2 w-full overflow-hidden rounded-full bg-muted"
      >
        <div
          className={clsx(
            'h-full rounded-full bg-primary transition-[width]',
            !determinate && 'w-1/3 animate-pulse',
          )}
          style={determinate ? { width: `${percent}%` } : undefined}
        />
      </div>
    </div>
  );
}
